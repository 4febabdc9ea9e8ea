-- The durable job queue shared by every node (db-scheduler's table): one row per scheduled
-- execution, picked by one node at a time, with a heartbeat so a dead node's work is taken over.
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(250) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution on scheduled_tasks (priority desc, execution_time asc);
