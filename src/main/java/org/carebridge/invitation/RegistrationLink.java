package org.carebridge.invitation;

import java.time.Instant;

/**
 * What a registration link is good for. Only {@link #OPEN} shows the form; every other value
 * comes with what the person can do about it.
 */
public enum RegistrationLink {
    OPEN(null),
    UNKNOWN("This link does not lead to an invitation. Make sure the whole address from the invitation mail "
            + "reached your browser; if it did, ask your administrator to send the invitation again."),
    EXPIRED("This invitation has expired. Ask your administrator to send it again; the new mail has a fresh link."),
    WITHDRAWN("This invitation was withdrawn by the organization that sent it, or replaced by a newer one. Use "
            + "the link in the most recent invitation mail, or ask your administrator for a new invitation."),
    USED("This invitation has already been used to register, so its link cannot be used again. Sign in to a "
            + "Carebridge app with your e-mail address and PIN."),
    ADDRESS_TAKEN("Somebody has already registered on Carebridge with this e-mail address, so it cannot be "
            + "registered again. If that was you, sign in with your e-mail address and PIN; otherwise ask your "
            + "administrator for help.");

    private final String explanation;

    RegistrationLink(String explanation) {
        this.explanation = explanation;
    }

    /** What to tell the person; {@code null} for {@link #OPEN}. */
    public String explanation() {
        return explanation;
    }

    public boolean isOpen() {
        return this == OPEN;
    }

    /** What the invitation's own state allows; whether the address was registered meanwhile is for the caller. */
    static RegistrationLink of(UserInvitation invitation, Instant now) {
        if (invitation == null) {
            return UNKNOWN;
        }
        if (invitation.isDeleted()) {
            return WITHDRAWN;
        }
        if (invitation.getStatus() == UserInvitationStatus.REGISTERED) {
            return USED;
        }
        return invitation.isExpired(now) ? EXPIRED : OPEN;
    }
}
