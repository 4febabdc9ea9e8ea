-- The validation notice of each debt: scheduled when the first communication about the debt is recorded
-- (due by the latest sending day, VN-01), then sent once through the contact gate by email (with E-SIGN
-- consent) or letter; sent_on sets the validation period's end (VN-03). A notice whose itemization does
-- not add up is REFUSED with the reason; one the gate blocks stays SCHEDULED with the gate's reasons and
-- is tried again from retry_at.
create table validation_notice (
    id                        uuid primary key,
    tenant_id                 uuid not null,
    account_id                uuid not null,
    debt_id                   uuid not null,
    status                    varchar(12) not null,
    first_communication_on    date,
    due_on                    date,
    channel                   varchar(10),
    sent_on                   date,
    validation_period_ends_on date,
    message_id                uuid,
    decision_id               uuid,
    problem                   varchar(2000),
    retry_at                  timestamp with time zone,
    created_at                timestamp with time zone not null,
    updated_at                timestamp with time zone not null,
    constraint validation_notice_per_debt unique (tenant_id, debt_id)
);
create index validation_notice_by_status on validation_notice (status, retry_at);
create index validation_notice_by_account on validation_notice (tenant_id, account_id);
