-- The on-premises integration at work: a "Sync Users Now" request any node can see (the node
-- holding the connector's socket starts the run), and what the Integrations and Imported User
-- pages need on synced users.

alter table integration add column sync_requested_at timestamp with time zone;

-- An administrator changed an imported user's name by hand: the next import that brings a
-- different name from the on-premises system counts the record as overwritten.
alter table app_user add column names_edited boolean default false not null;

-- Voice and messaging status of a linked user as the connector reports it (null: never reported).
alter table app_user add column badge_status varchar(16);
alter table app_user add constraint app_user_badge_status_ck
    check (badge_status is null or badge_status in ('LOGGED_IN', 'LOGGED_OUT', 'DND'));

create index app_user_kind_ix on app_user (organization_id, kind);
