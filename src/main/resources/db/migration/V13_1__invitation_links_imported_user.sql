-- Linking a badge user by inviting the person: an invitation sent from the Imported User page
-- names the imported (external) user. When the invitee registers, the new native profile is
-- linked to it in the same transaction. While the invitation is open the link is pending; a
-- deleted invitation drops it, and an expired one can no longer complete it.
-- (A sub-version of V13 so that V13, which the removal of synced users added alone, is never
-- changed after it may have run.)

alter table user_invitation add column link_external_user_id bigint;
alter table user_invitation add constraint user_invitation_link_fk
    foreign key (link_external_user_id) references app_user (id) on delete set null;
create index user_invitation_link_ix on user_invitation (link_external_user_id);
