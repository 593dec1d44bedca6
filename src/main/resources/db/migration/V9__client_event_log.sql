-- The per-user client event log behind real-time delivery, expiry announcements, and message
-- events in the audit trail. Same portable style as V1: runs unchanged on PostgreSQL 15 and H2 2.2.

-- One row per user who has ever had an event: the last sequence number given out and the last
-- one a client of the user acknowledged. A send locks the recipients' rows (in user id order,
-- so two sends never deadlock) and holds the lock until commit, so a user's events become
-- visible in sequence order: a reader that sees sequence N has also seen every smaller one.
create table client_event_cursor (
    user_id             bigint        not null primary key,
    last_sequence       bigint        default 0 not null,
    acked_sequence      bigint        default 0 not null,
    constraint client_event_cursor_user_fk foreign key (user_id) references app_user (id) on delete cascade,
    constraint client_event_cursor_ck check (acked_sequence >= 0 and acked_sequence <= last_sequence)
);

-- What happened that a user's clients must learn, numbered 1, 2, 3 ... per user. Message events
-- point at the message and are rendered when sent, so expired or purged content is never
-- replayed; small events (receipts, responses, expiry) keep their JSON payload here, which never
-- holds message text. Old rows are pruned; a client behind the pruned part reloads.
create table client_event (
    user_id             bigint        not null,
    sequence            bigint        not null,
    type                varchar(24)   not null,
    conversation_id     bigint,
    message_id          bigint,
    payload             varchar(1000),
    created_at          timestamp with time zone not null,
    constraint client_event_pk primary key (user_id, sequence),
    constraint client_event_user_fk foreign key (user_id) references app_user (id) on delete cascade,
    constraint client_event_sequence_ck check (sequence > 0)
);

create index client_event_created_ix on client_event (created_at);
create index client_event_message_ix on client_event (message_id);

-- Expired messages are announced to their participants once; the flag makes the announcer
-- restartable and keeps a second node from announcing the same message again.
alter table message add column expiry_announced boolean default false not null;
create index message_expiry_ix on message (expiry_announced, expires_at);


-- Message events in the audit trail are filterable by conversation.
alter table audit_event add column conversation_id bigint;
create index audit_event_conversation_ix on audit_event (conversation_id, occurred_at);

insert into cluster_lock (name) values ('message-expiry');
