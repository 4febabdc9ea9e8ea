-- Delivery bookkeeping for the transactional outbox: a message is claimed (QUEUED) in the sender's transaction and
-- handed to its provider only after that commits. attempts counts the provider calls begun; next_attempt_at is when
-- the retry job may take the message (a lease while an attempt runs, the backoff after a failure, null once it is
-- settled or for messages no provider sends, such as letters); last_error is the latest failure, with no consumer data.
-- transport_enc is the exact content handed to the provider (the composed email with its Message-ID and tracking
-- links), encrypted, so a retry sends the same bytes.
alter table message add column attempts integer default 0 not null;
alter table message add column next_attempt_at timestamp with time zone;
alter table message add column last_error varchar(500);
alter table message add column transport_enc text;
create index message_due on message (status, next_attempt_at);
