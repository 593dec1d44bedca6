-- Messages to people without a Carebridge account ("non-users"; "outsiders" in the code), by
-- e-mail address or mobile number where the sender's organization allows it. Same portable
-- style as V1: runs unchanged on PostgreSQL 15 and H2 2.2 (MODE=LEGACY).

create sequence outsider_seq start with 1000 increment by 50;

-- A non-user as one organization knows them: the organization whose member first wrote to the
-- address. Another organization writing to the same address gets a row of its own, so nothing
-- about a non-user is shared between tenants. address is normalized: a lower-case e-mail
-- address, or a mobile number in E.164 form (+14085550100).
create table outsider (
    id                  bigint        not null primary key,
    organization_id     bigint        not null,
    channel             varchar(8)    not null,
    address             varchar(254)  not null,
    created_at          timestamp with time zone not null,
    constraint outsider_organization_fk foreign key (organization_id) references organization (id),
    constraint outsider_channel_ck check (channel in ('EMAIL', 'SMS')),
    constraint outsider_address_uq unique (organization_id, channel, address)
);

-- Non-users taking part in a conversation, beside its users (conversation_participant).
create table conversation_outsider (
    conversation_id bigint        not null,
    outsider_id     bigint        not null,
    joined_at       timestamp with time zone not null,
    constraint conversation_outsider_pk primary key (conversation_id, outsider_id),
    constraint conversation_outsider_conversation_fk foreign key (conversation_id) references conversation (id)
        on delete cascade,
    constraint conversation_outsider_outsider_fk foreign key (outsider_id) references outsider (id)
);

create index conversation_outsider_outsider_ix on conversation_outsider (outsider_id);

-- A message is written by a user or by a non-user replying from the page their link opened,
-- never both. A non-user's retried reply finds the message it already created, as a user's does.
alter table message alter column sender_id drop not null;
alter table message add column sender_outsider_id bigint;
alter table message add constraint message_sender_outsider_fk foreign key (sender_outsider_id)
    references outsider (id);
alter table message add constraint message_one_sender_ck check (
    (sender_id is not null and sender_outsider_id is null) or (sender_id is null and sender_outsider_id is not null));
alter table message add constraint message_outsider_client_id_uq unique (sender_outsider_id, client_message_id);

create sequence outsider_delivery_seq start with 1000 increment by 50;

-- One non-user's copy of a message: the notice (mail or text message, never the content) with
-- its retries, the single-use link it carried (only the SHA-256 of the link's token is kept;
-- the token is chosen when the notice goes out), and whether the message was read and answered.
create table outsider_delivery (
    id                  bigint        not null primary key,
    message_id          bigint        not null,
    outsider_id         bigint        not null,
    state               varchar(16)   default 'SENT' not null,
    delivered_at        timestamp with time zone,
    read_at             timestamp with time zone,
    response_position   integer,
    responded_at        timestamp with time zone,
    notice_state        varchar(16)   default 'QUEUED' not null,
    notice_attempts     integer       default 0 not null,
    notice_due_at       timestamp with time zone not null,
    notice_sent_at      timestamp with time zone,
    notice_failure      varchar(64),
    link_hash           varchar(64),
    link_expires_at     timestamp with time zone,
    link_used_at        timestamp with time zone,
    version             bigint        default 0 not null,
    constraint outsider_delivery_message_fk foreign key (message_id) references message (id) on delete cascade,
    constraint outsider_delivery_outsider_fk foreign key (outsider_id) references outsider (id),
    constraint outsider_delivery_uq unique (message_id, outsider_id),
    constraint outsider_delivery_link_uq unique (link_hash),
    constraint outsider_delivery_state_ck check (state in ('SENT', 'DELIVERED', 'READ')),
    constraint outsider_delivery_times_ck check (
        (state = 'SENT' and delivered_at is null and read_at is null)
        or (state = 'DELIVERED' and delivered_at is not null and read_at is null)
        or (state = 'READ' and delivered_at is not null and read_at is not null)),
    constraint outsider_delivery_response_ck check ((response_position is null and responded_at is null)
        or (response_position >= 0 and responded_at is not null)),
    constraint outsider_delivery_notice_ck check (notice_state in ('QUEUED', 'SENT', 'FAILED')),
    constraint outsider_delivery_attempts_ck check (notice_attempts >= 0),
    constraint outsider_delivery_link_ck check ((link_hash is null and link_expires_at is null and link_used_at is null)
        or (link_hash is not null and link_expires_at is not null))
);

create index outsider_delivery_notice_ix on outsider_delivery (notice_state, notice_due_at);
create index outsider_delivery_outsider_ix on outsider_delivery (outsider_id);

create sequence outsider_session_seq start with 1000 increment by 50;

-- A browser session a link opened: one non-user, one conversation, ended after a short idle time.
-- Only the SHA-256 of the cookie's token is kept.
create table outsider_session (
    id                  bigint        not null primary key,
    token_hash          varchar(64)   not null,
    outsider_id         bigint        not null,
    conversation_id     bigint        not null,
    created_at          timestamp with time zone not null,
    last_seen_at        timestamp with time zone not null,
    ended_at            timestamp with time zone,
    constraint outsider_session_token_uq unique (token_hash),
    constraint outsider_session_outsider_fk foreign key (outsider_id) references outsider (id),
    constraint outsider_session_conversation_fk foreign key (conversation_id) references conversation (id)
        on delete cascade
);

create index outsider_session_seen_ix on outsider_session (last_seen_at);

insert into cluster_lock (name) values ('outsider-notices');
-- Serialises recording a non-user address an organization has not written to before.
insert into cluster_lock (name) values ('outsider-records');
