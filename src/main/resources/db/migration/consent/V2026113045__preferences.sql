-- The channel a consumer asked to be reached on, used when a sender does not choose one.
create table consumer_preference (
    tenant_id          uuid not null,
    account_id         uuid not null,
    preferred_channel  varchar(10) not null,
    source             varchar(200) not null,
    updated_at         timestamp with time zone not null,
    updated_by         varchar(200) not null,
    primary key (tenant_id, account_id)
);
