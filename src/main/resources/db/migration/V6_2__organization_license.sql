-- The license of an organization's users, chosen when a hospital creates a practice and shown
-- in the list of affiliates. Existing organizations have none.
alter table organization add column license varchar(16) default 'NONE' not null;
alter table organization add constraint organization_license_ck check (license in ('NONE', 'PREMIUM'));
