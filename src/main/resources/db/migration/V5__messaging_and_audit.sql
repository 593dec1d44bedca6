-- Conversations, messages with their per-recipient delivery, and the audit trail.
-- Same portable style as V1. Message content (body, choices) is removed by the nightly
-- retention purge; the rows themselves stay as metadata.

create sequence conversation_seq start with 1000 increment by 50;

-- Retention follows the organization that started the conversation.
create table conversation (
    id                          bigint        not null primary key,
    initiator_organization_id   bigint        not null,
    started_by_id               bigint        not null,
    created_at                  timestamp with time zone not null,
    last_message_at             timestamp with time zone not null,
    constraint conversation_initiator_fk foreign key (initiator_organization_id) references organization (id),
    constraint conversation_started_by_fk foreign key (started_by_id) references app_user (id)
);

create index conversation_initiator_ix on conversation (initiator_organization_id);

create table conversation_participant (
    conversation_id bigint        not null,
    user_id         bigint        not null,
    joined_at       timestamp with time zone not null,
    constraint conversation_participant_pk primary key (conversation_id, user_id),
    constraint conversation_participant_conversation_fk foreign key (conversation_id) references conversation (id)
        on delete cascade,
    constraint conversation_participant_user_fk foreign key (user_id) references app_user (id)
);

create index conversation_participant_user_ix on conversation_participant (user_id);

create sequence message_seq start with 1000 increment by 50;

-- Expiry follows the sender's organization. client_message_id is chosen by the sending client
-- so a retried send finds the message it already created instead of sending it twice.
create table message (
    id                      bigint        not null primary key,
    conversation_id         bigint        not null,
    sender_id               bigint        not null,
    sender_organization_id  bigint        not null,
    client_message_id       varchar(64)   not null,
    body                    varchar(4000),
    priority                varchar(16)   default 'NORMAL' not null,
    sent_at                 timestamp with time zone not null,
    expires_at              timestamp with time zone not null,
    content_purged_at       timestamp with time zone,
    constraint message_conversation_fk foreign key (conversation_id) references conversation (id),
    constraint message_sender_fk foreign key (sender_id) references app_user (id),
    constraint message_sender_organization_fk foreign key (sender_organization_id) references organization (id),
    constraint message_client_id_uq unique (sender_id, client_message_id),
    constraint message_priority_ck check (priority in ('NORMAL', 'HIGH')),
    constraint message_expiry_ck check (expires_at > sent_at),
    constraint message_body_ck check (body is not null or content_purged_at is not null),
    constraint message_purged_ck check (content_purged_at is null or body is null)
);

create index message_conversation_ix on message (conversation_id, sent_at);
create index message_purge_ix on message (content_purged_at, sent_at);

-- The answers a multiple-choice message offers, in order (position from 0).
create table message_choice (
    message_id      bigint        not null,
    position        integer       not null,
    label           varchar(200)  not null,
    constraint message_choice_pk primary key (message_id, position),
    constraint message_choice_message_fk foreign key (message_id) references message (id) on delete cascade,
    constraint message_choice_position_ck check (position >= 0)
);

create sequence message_delivery_seq start with 1000 increment by 50;

-- One recipient's copy of a message: delivered, read, answered. State only moves forward.
create table message_delivery (
    id                  bigint        not null primary key,
    message_id          bigint        not null,
    recipient_id        bigint        not null,
    state               varchar(16)   default 'SENT' not null,
    delivered_at        timestamp with time zone,
    read_at             timestamp with time zone,
    response_position   integer,
    responded_at        timestamp with time zone,
    version             bigint        default 0 not null,
    constraint message_delivery_message_fk foreign key (message_id) references message (id) on delete cascade,
    constraint message_delivery_recipient_fk foreign key (recipient_id) references app_user (id),
    constraint message_delivery_uq unique (message_id, recipient_id),
    constraint message_delivery_state_ck check (state in ('SENT', 'DELIVERED', 'READ')),
    constraint message_delivery_times_ck check (
        (state = 'SENT' and delivered_at is null and read_at is null)
        or (state = 'DELIVERED' and delivered_at is not null and read_at is null)
        or (state = 'READ' and delivered_at is not null and read_at is not null)),
    constraint message_delivery_response_ck check ((response_position is null and responded_at is null)
        or (response_position >= 0 and responded_at is not null))
);

create index message_delivery_recipient_ix on message_delivery (recipient_id, state);

create sequence audit_event_seq start with 1000 increment by 50;

-- Who did what to what, and when. Rows are never updated. organization_id is null for
-- system-wide events; actor_label keeps the actor readable if the user is later deleted.
create table audit_event (
    id                  bigint        not null primary key,
    occurred_at         timestamp with time zone not null,
    organization_id     bigint,
    actor_user_id       bigint,
    actor_label         varchar(300)  not null,
    action              varchar(64)   not null,
    target_type         varchar(64),
    target_id           varchar(64),
    details             varchar(4000),
    constraint audit_event_organization_fk foreign key (organization_id) references organization (id),
    constraint audit_event_actor_fk foreign key (actor_user_id) references app_user (id) on delete set null,
    constraint audit_event_target_ck check ((target_type is null and target_id is null)
        or (target_type is not null and target_id is not null))
);

create index audit_event_organization_ix on audit_event (organization_id, occurred_at);
create index audit_event_target_ix on audit_event (target_type, target_id);
create index audit_event_actor_ix on audit_event (actor_user_id);

insert into cluster_lock (name) values ('retention-purge');
