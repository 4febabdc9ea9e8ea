-- Spreadsheet imports of placements: one row per upload, its rejected rows, and the claim
-- (heartbeat) that lets another node resume an import whose node died.

create table account_import (
    id             uuid primary key,
    tenant_id      uuid not null references tenant (id),
    file_name      varchar(300) not null,
    stored_path    varchar(1000) not null,
    size_bytes     bigint not null,
    actor_name     varchar(200) not null,
    actor_kind     varchar(10) not null,
    actor_role     varchar(20) not null,
    status         varchar(10) not null,
    total          bigint not null default 0,
    accepted       bigint not null default 0,
    rejected       bigint not null default 0,
    percent        integer not null default 0,
    failure        varchar(2000),
    warnings       varchar(4000),
    started_at     timestamp with time zone not null,
    finished_at    timestamp with time zone,
    heartbeat_at   timestamp with time zone not null
);
create index account_import_by_tenant on account_import (tenant_id, id);
create index account_import_running on account_import (status, heartbeat_at);

create table account_import_error (
    import_id    uuid not null references account_import (id),
    row_number   bigint not null,
    column_name  varchar(100) not null,
    message      varchar(1000) not null
);
create index account_import_error_by_import on account_import_error (import_id, row_number);
