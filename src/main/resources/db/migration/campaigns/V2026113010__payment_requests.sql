-- Campaigns: payment requests with their portal link, expiry and reminder, and every send of one on a
-- channel with the contact gate's decision. The link's token is kept encrypted (it is resent in the
-- reminder) and found by its SHA-256, so the table cannot be searched for a token.

create table payment_request (
    id                        uuid primary key,
    tenant_id                 uuid not null,
    account_id                uuid not null references account (id),
    amount_minor              bigint not null,
    currency                  varchar(3) not null,
    expires_at                timestamp with time zone not null,
    allow_plans               boolean not null,
    settlement_amount_minor   bigint,
    settlement_valid_until    date,
    status                    varchar(12) not null,
    link_hash                 varchar(64) not null,
    link_enc                  varchar(1000) not null,
    reminder_due_at           timestamp with time zone,
    reminder_state            varchar(12),
    source_key                varchar(200),
    created_at                timestamp with time zone not null,
    created_by                varchar(200) not null,
    updated_at                timestamp with time zone not null,
    constraint payment_request_link unique (link_hash),
    constraint payment_request_source unique (tenant_id, source_key)
);
create index payment_request_by_account on payment_request (tenant_id, account_id);
create index payment_request_open_by_expiry on payment_request (status, expires_at);
create index payment_request_reminder_due on payment_request (reminder_state, reminder_due_at);

-- Append-only: one row per channel a request was sent on (at creation, later by an agent, or as the
-- reminder), with the gate's decision whether it was allowed or not.
create table payment_request_send (
    id                  uuid primary key,
    tenant_id           uuid not null,
    payment_request_id  uuid not null references payment_request (id),
    occasion            varchar(10) not null,
    channel             varchar(10) not null,
    allowed             boolean not null,
    decision_id         uuid not null,
    decision            text not null,
    message_id          uuid,
    at                  timestamp with time zone not null
);
create index payment_request_send_by_request on payment_request_send (payment_request_id);
