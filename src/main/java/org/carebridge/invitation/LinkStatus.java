package org.carebridge.invitation;

import java.time.Instant;

/**
 * What a mailed invitation link is good for when an administrator follows it. Only
 * {@link #OPEN} lets them accept; every other value comes with an explanation the landing page
 * shows instead of the form.
 */
public enum LinkStatus {
    OPEN(null),
    UNKNOWN("This link does not lead to any invitation. Check that the whole address from the mail reached "
            + "your browser, or ask for a new invitation."),
    EXPIRED("This invitation has expired. Ask the organization that invited you to send a new one."),
    REPLACED("This invitation was replaced by a newer one. Use the link in the most recent invitation mail."),
    ACCEPTED("This invitation has already been accepted, so its link cannot be used again."),
    WITHDRAWN("The organization that sent this invitation has taken it back."),
    ALREADY_AFFILIATES("The two organizations can already communicate with each other, so there is nothing to "
            + "accept."),
    /** The signed-in administrator does not administer the invited organization. */
    NOT_YOURS("This invitation is addressed to another organization. Only that organization's administrators "
            + "can answer it. If you administer it with another account, sign out and sign in with that one.");

    private final String explanation;

    LinkStatus(String explanation) {
        this.explanation = explanation;
    }

    /** Why the link cannot be used; {@code null} for {@link #OPEN}. */
    public String explanation() {
        return explanation;
    }

    public boolean isUsable() {
        return this == OPEN;
    }

    /**
     * The status that follows from the invitation's own state: an invitation still pending but
     * past its expiry is expired even before a job records it. Whether the organizations became
     * affiliates meanwhile, and who is asking, is for the caller to add.
     */
    static LinkStatus of(OrganizationInvitation invitation, Instant now) {
        if (invitation == null) {
            return UNKNOWN;
        }
        return switch (invitation.getState()) {
            case PENDING -> invitation.isAcceptable(now) ? OPEN : EXPIRED;
            case ACCEPTED -> ACCEPTED;
            case REPLACED -> REPLACED;
            case EXPIRED -> EXPIRED;
            case WITHDRAWN -> WITHDRAWN;
        };
    }
}
