-- The client directory: favorites, the change clock that orders directory-visible edits, and
-- the snapshots behind incremental sync tokens. Same portable style as V1: runs unchanged on
-- PostgreSQL 15 and H2 2.2.

create sequence directory_favorite_seq start with 1000 increment by 50;

-- A user's favorites among the people they may reach, listed first in their directory. The
-- directory checks reachability when a favorite is added and again on every read, so a favorite
-- who became unreachable stays hidden until they are reachable again.
create table directory_favorite (
    id              bigint        not null primary key,
    owner_id        bigint        not null,
    contact_id      bigint        not null,
    created_at      timestamp with time zone not null,
    constraint directory_favorite_owner_fk foreign key (owner_id) references app_user (id) on delete cascade,
    constraint directory_favorite_contact_fk foreign key (contact_id) references app_user (id) on delete cascade,
    constraint directory_favorite_pair_uq unique (owner_id, contact_id),
    constraint directory_favorite_self_ck check (owner_id <> contact_id)
);

create index directory_favorite_contact_ix on directory_favorite (contact_id);

-- One row, one counter. A change that clients must see (name, title, status, organization name)
-- increments it in the change's own transaction and stamps the changed users with the new value.
-- The row lock taken by the increment is held until commit, so values become visible in the
-- order they were taken: a reader that sees value N has also seen every change stamped <= N.
-- No node's clock is involved.
create table directory_clock (
    id              integer       not null primary key,
    last_change     bigint        not null,
    constraint directory_clock_single_ck check (id = 1)
);

insert into directory_clock (id, last_change) values (1, 0);

alter table app_user add column directory_version bigint default 0 not null;

create index app_user_directory_version_ix on app_user (directory_version);

create sequence directory_snapshot_seq start with 1000 increment by 50;

-- What a client was told its directory holds when it got a sync token: the ids of reachable
-- users, addressable groups and organizations, and its favorites (compressed). Comparing it with
-- the present finds who was added or removed by any cause (permissions, affiliations, groups,
-- deleted users) without logging each cause. Identical contents are stored once per user; a few
-- of the newest per user are kept.
create table directory_snapshot (
    id              bigint        not null primary key,
    user_id         bigint        not null,
    fingerprint     varchar(64)   not null,
    contents        bytea         not null,
    created_at      timestamp with time zone not null,
    constraint directory_snapshot_user_fk foreign key (user_id) references app_user (id) on delete cascade
);

create index directory_snapshot_user_ix on directory_snapshot (user_id, id);
