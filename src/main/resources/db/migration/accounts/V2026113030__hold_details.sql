-- Holds carry what their kind needs: the email address an employer issued, the local time window and
-- days the consumer said are inconvenient, the place not to reach them at; a release says why.
-- The kind column grows to fit BANKRUPTCY_DISCHARGED and the new kinds.
alter table account_hold alter column kind set data type varchar(40);
alter table account_hold add column contact_point_id uuid;
alter table account_hold add column window_from varchar(5);
alter table account_hold add column window_to varchar(5);
alter table account_hold add column days varchar(100);
alter table account_hold add column place varchar(20);
alter table account_hold add column release_reason varchar(1000);
