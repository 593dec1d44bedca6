-- Contacts groups, affiliations between organizations with their association permissions,
-- and the two kinds of invitation: organization to organization, and person to organization.
-- Same portable style as V1: runs unchanged on PostgreSQL 15 and H2 2.2.

create sequence contact_group_seq start with 1000 increment by 50;

-- A sub-group of one organization's members, used to address them together and to narrow
-- which members an affiliate may reach.
create table contact_group (
    id                      bigint        not null primary key,
    organization_id         bigint        not null,
    name                    varchar(100)  not null,
    name_key                varchar(100)  not null,
    whole_group_messaging   boolean       default false not null,
    created_at              timestamp with time zone not null,
    version                 bigint        default 0 not null,
    constraint contact_group_organization_fk foreign key (organization_id) references organization (id),
    constraint contact_group_name_key_uq unique (organization_id, name_key),
    -- Target of affiliation_group's composite key, so a chosen group provably belongs to its side.
    constraint contact_group_organization_uq unique (id, organization_id)
);

create table group_member (
    group_id        bigint        not null,
    user_id         bigint        not null,
    constraint group_member_pk primary key (group_id, user_id),
    constraint group_member_group_fk foreign key (group_id) references contact_group (id) on delete cascade,
    constraint group_member_user_fk foreign key (user_id) references app_user (id) on delete cascade
);

create index group_member_user_ix on group_member (user_id);

create sequence affiliation_seq start with 1000 increment by 50;

-- Two affiliated organizations. The pair is stored once, lower id first, so (A, B) and (B, A)
-- cannot both exist. An ended affiliation keeps its row; accepting a new invitation restarts it.
create table affiliation (
    id                      bigint        not null primary key,
    organization_low_id     bigint        not null,
    organization_high_id    bigint        not null,
    state                   varchar(16)   not null,
    low_permission          varchar(24)   default 'WHOLE_ORGANIZATION' not null,
    high_permission         varchar(24)   default 'WHOLE_ORGANIZATION' not null,
    created_at              timestamp with time zone not null,
    started_at              timestamp with time zone not null,
    ended_at                timestamp with time zone,
    version                 bigint        default 0 not null,
    constraint affiliation_low_fk foreign key (organization_low_id) references organization (id),
    constraint affiliation_high_fk foreign key (organization_high_id) references organization (id),
    constraint affiliation_pair_uq unique (organization_low_id, organization_high_id),
    constraint affiliation_order_ck check (organization_low_id < organization_high_id),
    constraint affiliation_state_ck check (state in ('ACTIVE', 'ENDED')),
    constraint affiliation_ended_ck check ((state = 'ACTIVE' and ended_at is null)
        or (state = 'ENDED' and ended_at is not null)),
    constraint affiliation_low_permission_ck check (low_permission in ('NONE', 'WHOLE_ORGANIZATION', 'GROUPS')),
    constraint affiliation_high_permission_ck check (high_permission in ('NONE', 'WHOLE_ORGANIZATION', 'GROUPS'))
);

create index affiliation_high_ix on affiliation (organization_high_id);

-- The groups one side chose when its permission is GROUPS. The composite foreign key makes the
-- database refuse a group of another organization; that organization_id is one of the
-- affiliation's two sides is checked by the Affiliation entity.
create table affiliation_group (
    affiliation_id  bigint        not null,
    organization_id bigint        not null,
    group_id        bigint        not null,
    constraint affiliation_group_pk primary key (affiliation_id, group_id),
    constraint affiliation_group_affiliation_fk foreign key (affiliation_id) references affiliation (id)
        on delete cascade,
    constraint affiliation_group_group_fk foreign key (group_id, organization_id)
        references contact_group (id, organization_id) on delete cascade
);

create index affiliation_group_group_ix on affiliation_group (group_id, organization_id);

create sequence organization_invitation_seq start with 1000 increment by 50;

-- An invitation from one organization's administrator to another organization to become
-- affiliates. Only the SHA-256 of the mailed token is kept.
create table organization_invitation (
    id                          bigint        not null primary key,
    inviting_organization_id    bigint        not null,
    invited_organization_id     bigint        not null,
    invited_by_id               bigint        not null,
    token_hash                  varchar(64)   not null,
    state                       varchar(16)   not null,
    created_at                  timestamp with time zone not null,
    expires_at                  timestamp with time zone not null,
    responded_by_id             bigint,
    responded_at                timestamp with time zone,
    version                     bigint        default 0 not null,
    constraint organization_invitation_inviting_fk foreign key (inviting_organization_id) references organization (id),
    constraint organization_invitation_invited_fk foreign key (invited_organization_id) references organization (id),
    constraint organization_invitation_invited_by_fk foreign key (invited_by_id) references app_user (id),
    constraint organization_invitation_responded_by_fk foreign key (responded_by_id) references app_user (id)
        on delete set null,
    constraint organization_invitation_hash_uq unique (token_hash),
    constraint organization_invitation_pair_ck check (invited_organization_id <> inviting_organization_id),
    constraint organization_invitation_state_ck check (state in ('PENDING', 'ACCEPTED', 'REPLACED', 'EXPIRED', 'WITHDRAWN')),
    constraint organization_invitation_expiry_ck check (expires_at > created_at),
    constraint organization_invitation_closed_ck check ((state = 'PENDING' and responded_at is null)
        or (state <> 'PENDING' and responded_at is not null))
);

create index organization_invitation_invited_ix on organization_invitation (invited_organization_id, state);
create index organization_invitation_inviting_ix on organization_invitation (inviting_organization_id, state);

create sequence user_invitation_seq start with 1000 increment by 50;

-- An invitation for one person to register as a user of an organization (or as its
-- administrator). Its status follows the invitation mail, then the person's clicks.
-- Deleted invitations keep their row (deleted_at) so the link stops working but history stays.
create table user_invitation (
    id                  bigint        not null primary key,
    organization_id     bigint        not null,
    email               varchar(254)  not null,
    first_name          varchar(100),
    last_name           varchar(100),
    administrator       boolean       default false not null,
    status              varchar(16)   not null,
    token_hash          varchar(64)   not null,
    invited_by_id       bigint,
    created_at          timestamp with time zone not null,
    status_changed_at   timestamp with time zone not null,
    expires_at          timestamp with time zone not null,
    clicked_at          timestamp with time zone,
    registered_user_id  bigint,
    outbound_mail_id    bigint,
    deleted_at          timestamp with time zone,
    version             bigint        default 0 not null,
    constraint user_invitation_organization_fk foreign key (organization_id) references organization (id),
    constraint user_invitation_invited_by_fk foreign key (invited_by_id) references app_user (id) on delete set null,
    constraint user_invitation_registered_fk foreign key (registered_user_id) references app_user (id)
        on delete set null,
    constraint user_invitation_mail_fk foreign key (outbound_mail_id) references outbound_mail (id) on delete set null,
    constraint user_invitation_hash_uq unique (token_hash),
    constraint user_invitation_email_lower_ck check (email = lower(email)),
    constraint user_invitation_status_ck check (status in ('PENDING', 'EMAIL_SENT', 'FAILURE', 'USER_CLICKED', 'REGISTERED')),
    constraint user_invitation_expiry_ck check (expires_at > created_at)
);

create index user_invitation_organization_ix on user_invitation (organization_id, email);
create index user_invitation_mail_ix on user_invitation (outbound_mail_id);
