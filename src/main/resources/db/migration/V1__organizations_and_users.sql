-- Carebridge core schema: organizations, users, console password tokens.
-- Portable SQL: runs unchanged on PostgreSQL 15 and H2 2.2. Ids come from sequences
-- (allocation 50) so batch inserts stay cheap; e-mail addresses and names used for
-- case-insensitive uniqueness are stored normalised in *_key columns (H2 has no
-- expression indexes).

create sequence organization_seq start with 1000 increment by 50;

create table organization (
    id                          bigint        not null primary key,
    kind                        varchar(16)   not null,
    name                        varchar(200)  not null,
    name_key                    varchar(200)  not null,
    office_number               varchar(32)   not null,
    voice_number                varchar(32),
    time_zone                   varchar(64)   not null,
    whole_org_messaging         boolean       default false not null,
    non_user_messaging          boolean       default false not null,
    message_expiration_minutes  integer       default 10080 not null,
    retention_amount            integer,
    retention_unit              varchar(16),
    priority_sound_seconds      integer       default 30 not null,
    created_at                  timestamp with time zone not null,
    version                     bigint        default 0 not null,
    constraint organization_kind_ck check (kind in ('HOSPITAL', 'PRACTICE')),
    constraint organization_name_key_uq unique (name_key),
    constraint organization_voice_number_uq unique (voice_number),
    constraint organization_expiration_ck check (message_expiration_minutes between 30 and 43200),
    constraint organization_retention_amount_ck check (retention_amount is null or retention_amount > 0),
    constraint organization_retention_unit_ck check (retention_unit is null
        or retention_unit in ('DAYS', 'WEEKS', 'MONTHS', 'YEARS')),
    constraint organization_retention_pair_ck check ((retention_amount is null and retention_unit is null)
        or (retention_amount is not null and retention_unit is not null)),
    constraint organization_sound_ck check (priority_sound_seconds between 1 and 120)
);

create sequence app_user_seq start with 1000 increment by 50;

create table app_user (
    id                      bigint        not null primary key,
    organization_id         bigint        not null,
    staff_id                varchar(16)   not null,
    kind                    varchar(16)   not null,
    linked_user_id          bigint,
    external_id             varchar(128),
    title                   varchar(40),
    first_name              varchar(100)  not null,
    middle_name             varchar(100),
    last_name               varchar(100)  not null,
    nickname                varchar(100),
    credentials             varchar(100),
    job_title               varchar(150),
    email                   varchar(254),
    cell_phone              varchar(32),
    pin_hash                varchar(255),
    pin_temporary           boolean       default false not null,
    password_hash           varchar(255),
    time_zone               varchar(64)   not null,
    org_admin               boolean       default false not null,
    system_admin            boolean       default false not null,
    office_street           varchar(200),
    office_city             varchar(100),
    office_state            varchar(100),
    office_postal_code      varchar(20),
    office_phone            varchar(32),
    office_fax              varchar(32),
    status                  varchar(16)   default 'AVAILABLE' not null,
    login_state             varchar(16)   default 'ENABLED' not null,
    staff_type              varchar(16)   default 'NON_PHYSICIAN' not null,
    specialty               varchar(150),
    sub_specialty           varchar(150),
    medical_school          varchar(200),
    residency               varchar(200),
    fellowship              varchar(200),
    practice_description    varchar(4000),
    home_page_url           varchar(500),
    guest_access_number     varchar(32),
    desk_phone              varchar(32),
    failed_pin_attempts     integer       default 0 not null,
    last_failed_pin_at      timestamp with time zone,
    next_pin_attempt_at     timestamp with time zone,
    last_client_login_at    timestamp with time zone,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    version                 bigint        default 0 not null,
    constraint app_user_organization_fk foreign key (organization_id) references organization (id),
    constraint app_user_linked_fk foreign key (linked_user_id) references app_user (id),
    constraint app_user_staff_id_uq unique (staff_id),
    constraint app_user_email_uq unique (email),
    constraint app_user_external_id_uq unique (organization_id, external_id),
    constraint app_user_kind_ck check (kind in ('NATIVE', 'EXTERNAL')),
    constraint app_user_native_email_ck check (kind <> 'NATIVE' or email is not null),
    constraint app_user_external_id_ck check (kind <> 'EXTERNAL' or external_id is not null),
    constraint app_user_link_ck check (linked_user_id is null or kind = 'EXTERNAL'),
    constraint app_user_email_lower_ck check (email = lower(email)),
    constraint app_user_status_ck check (status in ('NONE', 'AVAILABLE', 'BUSY', 'UNAVAILABLE')),
    constraint app_user_login_state_ck check (login_state in ('ENABLED', 'DISABLED', 'LOCKED')),
    constraint app_user_staff_type_ck check (staff_type in ('PHYSICIAN', 'NON_PHYSICIAN')),
    constraint app_user_failed_pin_ck check (failed_pin_attempts >= 0)
);

create index app_user_organization_ix on app_user (organization_id, last_name, first_name);
create index app_user_linked_ix on app_user (linked_user_id);

create table user_profile_image (
    user_id         bigint        not null primary key,
    content_type    varchar(64)   not null,
    image_data      bytea         not null,
    updated_at      timestamp with time zone not null,
    constraint user_profile_image_user_fk foreign key (user_id) references app_user (id) on delete cascade,
    constraint user_profile_image_type_ck check (content_type in ('image/png', 'image/jpeg', 'image/gif', 'image/webp'))
);

create sequence password_token_seq start with 1000 increment by 50;

-- Single-use links for the console password: forgotten-password resets and the first
-- password of a newly appointed administrator. Only a SHA-256 hash of the token is kept.
create table password_token (
    id              bigint        not null primary key,
    user_id         bigint        not null,
    purpose         varchar(16)   not null,
    token_hash      varchar(64)   not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone,
    constraint password_token_user_fk foreign key (user_id) references app_user (id) on delete cascade,
    constraint password_token_hash_uq unique (token_hash),
    constraint password_token_purpose_ck check (purpose in ('RESET', 'FIRST_PASSWORD')),
    constraint password_token_expiry_ck check (expires_at > created_at)
);

-- Named rows that start-up and scheduled work lock (SELECT ... FOR UPDATE) so that only one
-- node does a given job at a time.
create table cluster_lock (
    name            varchar(64)   not null primary key,
    holder          varchar(128),
    acquired_at     timestamp with time zone
);

insert into cluster_lock (name) values ('demo-data');
