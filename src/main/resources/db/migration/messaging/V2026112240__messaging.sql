-- Messaging: versioned templates, every message in and out with its events, tracking tokens, letters and
-- their print batches, and the sandbox SMS provider's outbox. Consumer data (recipients, bodies, subjects,
-- tracked URLs, letters) is encrypted; recipient_idx is a keyed blind index to thread replies.

create table message_template (
    id               uuid primary key,
    tenant_id        uuid not null,
    creditor_id      uuid not null references creditor (id),
    channel          varchar(10) not null,
    language         varchar(5) not null,
    name             varchar(100) not null,
    current_version  integer not null,
    created_at       timestamp with time zone not null,
    constraint message_template_unique_name unique (tenant_id, creditor_id, channel, language, name)
);

create table message_template_version (
    template_id  uuid not null references message_template (id),
    version      integer not null,
    subject      varchar(300),
    body         varchar(20000) not null,
    saved_at     timestamp with time zone not null,
    saved_by     varchar(200) not null,
    primary key (template_id, version)
);

create table message (
    id                uuid primary key,
    tenant_id         uuid not null,
    account_id        uuid not null references account (id),
    channel           varchar(10) not null,
    direction         varchar(8) not null,
    status            varchar(12) not null,
    template_id       uuid references message_template (id),
    template_version  integer,
    decision_id       uuid,
    campaign_id       uuid,
    idempotency_key   varchar(200),
    recipient_enc     varchar(2000),
    recipient_idx     varchar(32),
    sender            varchar(320),
    subject_enc       varchar(2000),
    body_enc          text,
    provider_ref      varchar(200),
    segments          integer not null default 0,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    constraint message_idempotency unique (tenant_id, idempotency_key)
);
create index message_by_account on message (tenant_id, account_id);
create index message_by_campaign on message (tenant_id, campaign_id);
create index message_by_recipient on message (tenant_id, recipient_idx);
create index message_by_provider_ref on message (provider_ref);

-- Append-only.
create table message_event (
    id          uuid primary key,
    tenant_id   uuid not null,
    message_id  uuid not null references message (id),
    kind        varchar(12) not null,
    at          timestamp with time zone not null,
    detail      varchar(500)
);
create index message_event_by_message on message_event (message_id);

-- Tokens in links: only their SHA-256 is stored, so the table cannot be used to forge opens, clicks or opt-outs.
create table message_token (
    token_hash  varchar(64) primary key,
    tenant_id   uuid not null,
    message_id  uuid not null references message (id),
    purpose     varchar(12) not null,
    url_enc     varchar(4000),
    created_at  timestamp with time zone not null
);

create table print_batch (
    id            uuid primary key,
    tenant_id     uuid not null,
    created_at    timestamp with time zone not null,
    letter_count  integer not null
);

create table letter (
    message_id  uuid primary key references message (id),
    tenant_id   uuid not null,
    html_enc    text not null,
    batch_id    uuid references print_batch (id),
    batch_seq   integer,
    created_at  timestamp with time zone not null
);
create index letter_unbatched on letter (tenant_id, batch_id);

create table sms_sandbox_outbox (
    id           uuid primary key,
    tenant_id    uuid not null,
    message_id   uuid not null,
    sender       varchar(32) not null,
    to_enc       varchar(1000) not null,
    body_enc     text not null,
    segments     integer not null,
    encoding     varchar(8) not null,
    sent_at      timestamp with time zone not null
);
create index sms_sandbox_by_tenant on sms_sandbox_outbox (tenant_id, id);
