package org.carebridge.invitation;

import java.io.Serializable;
import java.time.Instant;

/** One line of the Invitations page. */
public record InvitationRow(Long id, String email, String lastName, String firstName, UserInvitationStatus status,
        Instant lastUpdated, boolean administrator) implements Serializable {

    public boolean isRegistered() {
        return status == UserInvitationStatus.REGISTERED;
    }
}
