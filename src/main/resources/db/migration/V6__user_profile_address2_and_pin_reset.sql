-- The user profile's second office address line, and single-use links that let a user choose
-- a new client PIN. Same portable style as V1: only a SHA-256 hash of each token is kept.

alter table app_user add column office_street2 varchar(200);

create sequence pin_reset_token_seq start with 1000 increment by 50;

create table pin_reset_token (
    id              bigint        not null primary key,
    user_id         bigint        not null,
    token_hash      varchar(64)   not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone,
    constraint pin_reset_token_user_fk foreign key (user_id) references app_user (id) on delete cascade,
    constraint pin_reset_token_hash_uq unique (token_hash),
    constraint pin_reset_token_expiry_ck check (expires_at > created_at)
);

create index pin_reset_token_user_ix on pin_reset_token (user_id);

-- Finding users by e-mail within an organization; names already have app_user_organization_ix.
create index app_user_organization_email_ix on app_user (organization_id, email);
