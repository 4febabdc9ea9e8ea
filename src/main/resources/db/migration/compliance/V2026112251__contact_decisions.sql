-- Every decision the gate made on a real outbound message, allowed or blocked, with its rules:
-- what the compliance page lists, and what makes a retried send answer the first outcome.
create table contact_decision (
    id               uuid primary key,
    tenant_id        uuid not null,
    account_id       uuid not null,
    at               timestamp with time zone not null,
    channel          varchar(20) not null,
    address_enc      varchar(1000),
    allowed          boolean not null,
    rules            varchar(500) not null,
    decision         varchar(8000) not null,
    message_id       uuid,
    idempotency_key  varchar(200) not null,
    decided_by       varchar(200) not null,
    constraint contact_decision_once unique (tenant_id, idempotency_key)
);
create index contact_decision_blocked on contact_decision (tenant_id, allowed, at);
