-- Client devices and their sessions, and the on-premises integration of an organization with
-- the results of its user imports. Same portable style as V1.

create sequence device_seq start with 1000 increment by 50;

-- A phone, tablet or browser a user signs in from. device_key is chosen by the app and stays
-- the same across sign-ins, so a device is registered once per user.
create table device (
    id                      bigint        not null primary key,
    user_id                 bigint        not null,
    device_key              varchar(128)  not null,
    platform                varchar(16)   not null,
    name                    varchar(100)  not null,
    push_provider           varchar(16)   default 'NONE' not null,
    push_token              varchar(512),
    notifications_enabled   boolean       default true not null,
    wipe_state              varchar(16)   default 'NONE' not null,
    wipe_requested_at       timestamp with time zone,
    wiped_at                timestamp with time zone,
    last_login_at           timestamp with time zone,
    last_activity_at        timestamp with time zone,
    created_at              timestamp with time zone not null,
    version                 bigint        default 0 not null,
    constraint device_user_fk foreign key (user_id) references app_user (id) on delete cascade,
    constraint device_key_uq unique (user_id, device_key),
    constraint device_platform_ck check (platform in ('IOS', 'ANDROID', 'WEB')),
    constraint device_push_provider_ck check (push_provider in ('APNS', 'FCM', 'NONE')),
    constraint device_push_token_ck check (push_provider <> 'NONE' or push_token is null),
    constraint device_wipe_state_ck check (wipe_state in ('NONE', 'REQUESTED', 'WIPED')),
    constraint device_wipe_times_ck check (
        (wipe_state = 'NONE' and wipe_requested_at is null and wiped_at is null)
        or (wipe_state = 'REQUESTED' and wipe_requested_at is not null and wiped_at is null)
        or (wipe_state = 'WIPED' and wipe_requested_at is not null and wiped_at is not null))
);

create sequence client_session_seq start with 1000 increment by 50;

-- A signed-in client on one device. The bearer token is only kept as its SHA-256.
create table client_session (
    id              bigint        not null primary key,
    user_id         bigint        not null,
    device_id       bigint        not null,
    token_hash      varchar(64)   not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    revoked_at      timestamp with time zone,
    last_used_at    timestamp with time zone,
    constraint client_session_user_fk foreign key (user_id) references app_user (id) on delete cascade,
    constraint client_session_device_fk foreign key (device_id) references device (id) on delete cascade,
    constraint client_session_hash_uq unique (token_hash),
    constraint client_session_expiry_ck check (expires_at > created_at)
);

create index client_session_user_ix on client_session (user_id);
create index client_session_device_ix on client_session (device_id);

create sequence integration_seq start with 1000 increment by 50;

-- The connection between an organization and its on-premises voice/messaging system. The
-- shared key is stored encrypted with the server's key-encryption key, never in clear.
create table integration (
    id                      bigint        not null primary key,
    organization_id         bigint        not null,
    integration_user_id     varchar(64)   not null,
    shared_key_ciphertext   varchar(512)  not null,
    enabled                 boolean       default true not null,
    system_kind             varchar(24)   default 'VOICE_ONLY' not null,
    connection_state        varchar(16)   default 'NOT_CONNECTED' not null,
    last_heartbeat_at       timestamp with time zone,
    created_at              timestamp with time zone not null,
    version                 bigint        default 0 not null,
    constraint integration_organization_fk foreign key (organization_id) references organization (id),
    constraint integration_organization_uq unique (organization_id),
    constraint integration_user_id_uq unique (integration_user_id),
    constraint integration_system_kind_ck check (system_kind in ('VOICE_ONLY', 'VOICE_AND_MESSAGING')),
    constraint integration_connection_ck check (connection_state in ('CONNECTED', 'NOT_CONNECTED'))
);

create sequence import_run_seq start with 1000 increment by 50;

-- One user import from the on-premises system, with the counts the Import Results list shows.
create table import_run (
    id                  bigint        not null primary key,
    organization_id     bigint        not null,
    trigger_kind        varchar(16)   not null,
    state               varchar(16)   not null,
    started_at          timestamp with time zone not null,
    ended_at            timestamp with time zone,
    created_count       integer       default 0 not null,
    unchanged_count     integer       default 0 not null,
    updated_count       integer       default 0 not null,
    deleted_count       integer       default 0 not null,
    overwritten_count   integer       default 0 not null,
    error_count         integer       default 0 not null,
    failure_message     varchar(1000),
    constraint import_run_organization_fk foreign key (organization_id) references organization (id),
    constraint import_run_trigger_ck check (trigger_kind in ('MANUAL', 'SCHEDULED')),
    constraint import_run_state_ck check (state in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    constraint import_run_ended_ck check ((state = 'RUNNING' and ended_at is null)
        or (state <> 'RUNNING' and ended_at is not null and ended_at >= started_at)),
    constraint import_run_counts_ck check (created_count >= 0 and unchanged_count >= 0 and updated_count >= 0
        and deleted_count >= 0 and overwritten_count >= 0 and error_count >= 0)
);

create index import_run_organization_ix on import_run (organization_id, started_at);

create sequence import_record_seq start with 1000 increment by 50;

-- What one import did to one synced user (the Import User Process page).
create table import_record (
    id              bigint        not null primary key,
    run_id          bigint        not null,
    change_type     varchar(16)   not null,
    staff_id        varchar(16),
    external_id     varchar(128),
    name            varchar(300),
    message         varchar(1000),
    constraint import_record_run_fk foreign key (run_id) references import_run (id) on delete cascade,
    constraint import_record_change_ck check (change_type in ('CREATED', 'UPDATED', 'DELETED', 'OVERWRITTEN', 'NONE', 'ERROR'))
);

create index import_record_run_ix on import_record (run_id);

insert into cluster_lock (name) values ('integration-sync');
