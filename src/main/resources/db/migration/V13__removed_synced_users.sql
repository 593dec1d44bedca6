-- A synced (external) user the on-premises system no longer lists is removed, not deleted:
-- its row stays so conversations, deliveries, call requests and audit lines that name it keep
-- pointing at a real person, but it leaves every directory, list and group.
--
-- removed_at: when a sync removed the user (null: present).
-- removed_external_id: the external id it had. The live external_id is cleared on removal, so
-- the unique (organization_id, external_id) constraint only ever holds present users and the
-- same person listed again later is created afresh. (H2 has no partial unique index, and a
-- suffixed id could collide with a real one or overflow the column; NULLs never collide in a
-- unique constraint on either database.)

alter table app_user add column removed_at timestamp with time zone;
alter table app_user add column removed_external_id varchar(128);

alter table app_user drop constraint app_user_external_id_ck;
alter table app_user add constraint app_user_external_id_ck
    check (kind <> 'EXTERNAL' or external_id is not null or removed_at is not null);
alter table app_user add constraint app_user_removed_ck
    check (removed_at is null or (kind = 'EXTERNAL' and external_id is null and linked_user_id is null));
