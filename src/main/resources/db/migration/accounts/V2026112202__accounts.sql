-- Accounts: creditor clients with branding, consumers' accounts, contact points,
-- itemized debts, holds and the account history. Consumer personal data sits in *_enc columns
-- (Tink AEAD, base64); *_idx columns hold keyed blind indexes for exact-match search.

create table creditor (
    id               uuid primary key,
    tenant_id        uuid not null references tenant (id),
    name             varchar(200) not null,
    logo_url         varchar(500),
    primary_color    varchar(7),
    accent_color     varchar(7),
    sender_name      varchar(200),
    email_domain     varchar(200),
    support_phone    varchar(30),
    support_hours    varchar(200),
    licence_numbers  varchar(500),
    dispute_address  varchar(500),
    created_at       timestamp with time zone not null,
    constraint creditor_name_unique unique (tenant_id, name)
);

create table account (
    id                  uuid primary key,
    tenant_id           uuid not null references tenant (id),
    external_ref        varchar(100) not null,
    creditor_id         uuid not null references creditor (id),
    status              varchar(20) not null,
    consumer_enc        text not null,
    first_name_idx      varchar(32),
    last_name_idx       varchar(32),
    state               varchar(2),
    language            varchar(2) not null,
    address_status      varchar(12) not null,
    currency            varchar(3) not null,
    balance             bigint not null,
    delinquent_since    date,
    placed_at           timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint account_ref_unique unique (tenant_id, external_ref)
);
create index account_by_first_name on account (tenant_id, first_name_idx);
create index account_by_last_name on account (tenant_id, last_name_idx);
create index account_by_creditor on account (tenant_id, creditor_id);

create table debt (
    id                      uuid primary key,
    tenant_id               uuid not null,
    account_id              uuid not null references account (id),
    external_ref            varchar(100) not null,
    account_number_enc      varchar(500) not null,
    account_number_last4    varchar(4) not null,
    original_creditor       varchar(200) not null,
    current_creditor        varchar(200) not null,
    itemization_date        date not null,
    itemization_date_type   varchar(20) not null,
    currency                varchar(3) not null,
    amount_on_itemization   bigint not null,
    interest_since          bigint not null,
    fees_since              bigint not null,
    payments_since          bigint not null,
    current_balance         bigint not null,
    last_payment_on         date,
    time_barred             boolean not null,
    status                  varchar(20) not null,
    created_at              timestamp with time zone not null,
    constraint debt_ref_unique unique (account_id, external_ref)
);

create table contact_point (
    id               uuid primary key,
    tenant_id        uuid not null,
    account_id       uuid not null references account (id),
    kind             varchar(10) not null,
    value_enc        varchar(1000) not null,
    value_idx        varchar(32) not null,
    masked           varchar(100) not null,
    phone_type       varchar(10),
    source           varchar(20) not null,
    employer_issued  boolean not null,
    verification     varchar(12) not null,
    created_at       timestamp with time zone not null,
    constraint contact_point_unique unique (account_id, kind, value_idx)
);
create index contact_point_by_value on contact_point (tenant_id, value_idx);

create table account_hold (
    id           uuid primary key,
    tenant_id    uuid not null,
    account_id   uuid not null references account (id),
    debt_id      uuid references debt (id),
    kind         varchar(20) not null,
    reason       varchar(1000) not null,
    placed_by    varchar(200) not null,
    placed_at    timestamp with time zone not null,
    released_at  timestamp with time zone,
    released_by  varchar(200)
);
create index hold_by_account on account_hold (account_id);

-- Append-only history of every change and interaction on an account (the timeline).
create table account_history (
    id          uuid primary key,
    tenant_id   uuid not null,
    account_id  uuid not null references account (id),
    at          timestamp with time zone not null,
    actor       varchar(200) not null,
    kind        varchar(40) not null,
    summary     varchar(1000) not null
);
create index history_by_account on account_history (account_id, id);
