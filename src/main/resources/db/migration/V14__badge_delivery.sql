-- Badge delivery: the copy of a message that travels to a badge through the organization's
-- on-premises connector. A row is queued after the message commits for each badge that should
-- ring (an external user, or the external profile linked to a native recipient) and survives a
-- connector that is offline: it is sent when the connector signs in again, unless the message
-- expired (then the row becomes UNDELIVERED and leaves the queue). recipient_id is the message's recipient whose delivery the badge's acknowledgement
-- and answer count for (the native user when the badge is a linked profile).

create sequence badge_delivery_seq start with 1000 increment by 50;

create table badge_delivery (
    id                  bigint        not null primary key,
    message_id          bigint        not null,
    recipient_id        bigint        not null,
    badge_user_id       bigint        not null,
    organization_id     bigint        not null,
    state               varchar(16)   default 'PENDING' not null,
    attempts            integer       default 0 not null,
    created_at          timestamp with time zone not null,
    sent_at             timestamp with time zone,
    acknowledged_at     timestamp with time zone,
    answered_at         timestamp with time zone,
    constraint badge_delivery_message_fk foreign key (message_id) references message (id) on delete cascade,
    constraint badge_delivery_recipient_fk foreign key (recipient_id) references app_user (id) on delete cascade,
    constraint badge_delivery_badge_user_fk foreign key (badge_user_id) references app_user (id) on delete cascade,
    constraint badge_delivery_organization_fk foreign key (organization_id) references organization (id),
    constraint badge_delivery_uq unique (message_id, badge_user_id),
    constraint badge_delivery_state_ck check (state in ('PENDING', 'SENT', 'ACKNOWLEDGED', 'ANSWERED', 'UNDELIVERED')),
    constraint badge_delivery_attempts_ck check (attempts >= 0)
);

-- What a connector has to send: its organization's rows by state.
create index badge_delivery_due_ix on badge_delivery (organization_id, state);
create index badge_delivery_recipient_ix on badge_delivery (recipient_id);
create index badge_delivery_badge_user_ix on badge_delivery (badge_user_id);
