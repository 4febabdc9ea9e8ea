-- Platform: tenants, console users, API keys, audit log, idempotent requests.
-- Written in the SQL that PostgreSQL and H2 (PostgreSQL mode) both accept.

create table tenant (
    id          uuid primary key,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null
);

create table console_user (
    id               uuid primary key,
    tenant_id        uuid not null references tenant (id),
    username         varchar(100) not null unique,
    display_name     varchar(200),
    password_hash    varchar(200) not null,
    role             varchar(20) not null,
    failed_attempts  integer not null default 0,
    locked_until     timestamp with time zone,
    enabled          boolean not null default true,
    created_at       timestamp with time zone not null
);

create table api_key (
    id            uuid primary key,
    tenant_id     uuid not null references tenant (id),
    name          varchar(200) not null,
    prefix        varchar(16) not null unique,
    secret_hash   varchar(64) not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(200) not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone
);

-- Append-only: the application never updates or deletes these rows.
create table audit_event (
    id           uuid primary key,
    tenant_id    uuid not null references tenant (id),
    at           timestamp with time zone not null,
    actor        varchar(200) not null,
    action       varchar(100) not null,
    entity_type  varchar(100) not null,
    entity_id    varchar(100),
    before_enc   text,
    after_enc    text
);
create index audit_event_by_tenant on audit_event (tenant_id, id);

create table idempotent_request (
    tenant_id      uuid not null,
    idem_key       varchar(200) not null,
    fingerprint    varchar(64) not null,
    completed      boolean not null,
    status         integer,
    content_type   varchar(200),
    response_body  text,
    created_at     timestamp with time zone not null,
    primary key (tenant_id, idem_key)
);
