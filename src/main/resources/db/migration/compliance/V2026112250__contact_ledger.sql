-- The contact ledger: every attempt and outcome on every channel, outbound and inbound, per
-- consumer (account), debt, channel and address. The gate reads it to count calls and find
-- conversations; each outbound attempt keeps the gate's decision that allowed it.
create table contact_attempt (
    id            uuid primary key,
    tenant_id     uuid not null,
    account_id    uuid not null,
    at            timestamp with time zone not null,
    channel       varchar(20) not null,
    direction     varchar(10) not null,
    address_enc   varchar(1000),
    debt_ids      varchar(2000) not null,
    outcome       varchar(20) not null,
    decision      varchar(4000),
    recorded_by   varchar(200) not null,
    recorded_at   timestamp with time zone not null
);
create index contact_attempt_by_account on contact_attempt (tenant_id, account_id, at);
