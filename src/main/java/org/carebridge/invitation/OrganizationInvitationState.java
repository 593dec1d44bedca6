package org.carebridge.invitation;

/** Where an invitation between organizations stands. Only PENDING can change. */
public enum OrganizationInvitationState {
    PENDING("Pending"),
    ACCEPTED("Accepted"),
    /** A newer invitation for the same pair took its place. */
    REPLACED("Replaced"),
    EXPIRED("Expired"),
    /** The inviting organization took it back before it was answered. */
    WITHDRAWN("Withdrawn");

    private final String label;

    OrganizationInvitationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
