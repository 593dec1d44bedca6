package org.carebridge.invitation;

import java.util.List;

/**
 * What one call of {@link UserInvitations#invite} did: how many invitations are new, how many
 * open ones were sent again with a fresh link, which department groups were created, and the ids
 * of every invitation mailed (new and resent), in the order the invitees were given.
 */
public record InvitationBatch(int invited, int resent, List<String> groupsCreated, List<Long> invitationIds) {

    public InvitationBatch {
        groupsCreated = List.copyOf(groupsCreated);
        invitationIds = List.copyOf(invitationIds);
    }

    public int mailed() {
        return invited + resent;
    }
}
