-- The retention purge's record of what it did: one row per organization per run (nightly or
-- started by an administrator), with the cutoff it applied and how many messages it emptied.
-- Only metadata; the purged content itself is gone. A row stays RUNNING while its run holds the
-- 'retention-purge' lease (cluster_lock, V5); the next claim of the lease marks a row left
-- RUNNING by a stopped node INTERRUPTED, and the next run continues with what is left.

create sequence purge_run_seq start with 1000 increment by 50;

create table purge_run (
    id                  bigint        not null primary key,
    organization_id     bigint        not null,
    run_trigger         varchar(16)   not null,
    state               varchar(16)   not null,
    cutoff              timestamp with time zone not null,
    started_at          timestamp with time zone not null,
    ended_at            timestamp with time zone,
    messages_purged     integer       default 0 not null,
    constraint purge_run_organization_fk foreign key (organization_id) references organization (id),
    constraint purge_run_trigger_ck check (run_trigger in ('SCHEDULED', 'MANUAL')),
    constraint purge_run_state_ck check (state in ('RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED')),
    constraint purge_run_ended_ck check ((state = 'RUNNING' and ended_at is null)
        or (state <> 'RUNNING' and ended_at is not null)),
    constraint purge_run_count_ck check (messages_purged >= 0)
);

create index purge_run_organization_ix on purge_run (organization_id, started_at);
create index purge_run_state_ix on purge_run (state, run_trigger, started_at);
