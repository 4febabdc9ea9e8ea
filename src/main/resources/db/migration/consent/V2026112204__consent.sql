-- Consent: each consumer's consent (or refusal) per channel and address, with its evidence:
-- where it came from, when, the text the consumer saw; a revocation stamps the record, it never
-- changes or deletes it. Addresses are encrypted; address_idx is a keyed blind index.

create table consent (
    id              uuid primary key,
    tenant_id       uuid not null,
    account_id      uuid not null references account (id),
    channel         varchar(12) not null,
    address_enc     varchar(1000),
    address_idx     varchar(32),
    granted         boolean not null,
    source          varchar(100) not null,
    given_at        timestamp with time zone not null,
    text_shown      varchar(4000),
    revoked_at      timestamp with time zone,
    revoked_source  varchar(100),
    recorded_at     timestamp with time zone not null
);
create index consent_by_account on consent (account_id);
