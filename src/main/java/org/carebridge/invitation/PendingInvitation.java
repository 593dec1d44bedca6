package org.carebridge.invitation;

import java.io.Serializable;
import java.time.Instant;

/** An outgoing invitation still waiting for an answer, as the inviting organization lists it. */
public record PendingInvitation(long id, String invitedName, Instant sentAt, Instant expiresAt)
        implements Serializable {
}
