-- Bulk sends of payment requests from a spreadsheet: one row per upload, one queue item per accepted
-- line (its merge fields kept encrypted), and the rejected lines with their column and reason. The
-- heartbeat lets any node resume a bulk send whose node stopped; an item is claimed inside its own
-- transaction, so two nodes never handle the same line.

create table bulk_send (
    id                  uuid primary key,
    tenant_id           uuid not null references tenant (id),
    file_name           varchar(300) not null,
    stored_path         varchar(1000) not null,
    template            varchar(200),
    expires_in_days     integer not null,
    confirm_first       boolean not null,
    actor_name          varchar(200) not null,
    actor_kind          varchar(10) not null,
    actor_role          varchar(20) not null,
    status              varchar(12) not null,
    total               bigint not null default 0,
    accepted            bigint not null default 0,
    rejected            bigint not null default 0,
    percent_read        integer not null default 0,
    failure             varchar(2000),
    created_at          timestamp with time zone not null,
    sending_started_at  timestamp with time zone,
    expires_at          timestamp with time zone,
    finished_at         timestamp with time zone,
    heartbeat_at        timestamp with time zone not null
);
create index bulk_send_by_tenant on bulk_send (tenant_id, id);
create index bulk_send_running on bulk_send (status, heartbeat_at);

create table bulk_send_item (
    id                       uuid primary key,
    tenant_id                uuid not null,
    bulk_send_id             uuid not null references bulk_send (id),
    row_number               bigint not null,
    account_id               uuid not null,
    channel                  varchar(10) not null,
    amount_minor             bigint,
    currency                 varchar(3),
    settlement_amount_minor  bigint,
    settlement_valid_until   date,
    fields_enc               text,
    status                   varchar(10) not null,
    payment_request_id       uuid,
    failure                  varchar(1000),
    preview_allowed          boolean,
    preview_reasons          varchar(500),
    updated_at               timestamp with time zone not null,
    constraint bulk_send_item_row unique (bulk_send_id, row_number)
);
create index bulk_send_item_queue on bulk_send_item (bulk_send_id, status, row_number);

create table bulk_send_error (
    bulk_send_id  uuid not null references bulk_send (id),
    row_number    bigint not null,
    column_name   varchar(100) not null,
    message       varchar(1000) not null
);
create index bulk_send_error_by_send on bulk_send_error (bulk_send_id, row_number);
