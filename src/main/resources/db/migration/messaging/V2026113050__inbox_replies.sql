-- The agents' inbox: one row per consumer reply, with what it asks for (read from its text when it arrived) and whether
-- an agent has handled it. Only free text (intent OTHER) waits for an agent; STOP, START and HELP were answered by the
-- system. handled_* is the latest handling, cleared when the reply is reopened; reopened_* is the latest reopening.
-- Notes are what the agent wrote about the consumer, so they are encrypted like message bodies.
create table inbox_reply (
    message_id         uuid primary key references message (id),
    tenant_id          uuid not null,
    account_id         uuid not null,
    intent             varchar(10),
    received_at        timestamp with time zone not null,
    handled_at         timestamp with time zone,
    handled_by         varchar(200),
    handled_note_enc   varchar(4000),
    reopened_at        timestamp with time zone,
    reopened_by        varchar(200),
    reopened_note_enc  varchar(4000)
);
create index inbox_reply_by_state on inbox_reply (tenant_id, intent, handled_at, message_id);
create index inbox_reply_by_tenant on inbox_reply (tenant_id, message_id);

-- Replies received before the inbox kept this state; their intent is read from their (encrypted) text at start-up.
insert into inbox_reply (message_id, tenant_id, account_id, intent, received_at)
select id, tenant_id, account_id, null, created_at from message where direction = 'INBOUND';
