-- A contact point, or the mailing address, that mail, email or texts cannot reach (a hard bounce, a returned letter,
-- a carrier's permanent error): the verification status becomes UNDELIVERABLE, with the reason and since when.
alter table contact_point alter column verification set data type varchar(20);
alter table contact_point add column undeliverable_reason varchar(500);
alter table contact_point add column undeliverable_at timestamp with time zone;
alter table account alter column address_status set data type varchar(20);
alter table account add column address_undeliverable_reason varchar(500);
alter table account add column address_undeliverable_at timestamp with time zone;
