package org.carebridge.invitation;

/**
 * The status the Invitations page shows. It first follows the invitation mail (queued, sent,
 * failed), then the person (clicked the link, registered). Nothing follows REGISTERED.
 */
public enum UserInvitationStatus {
    /** The invitation mail is queued for sending. */
    PENDING("Pending"),
    /** The mail server accepted the invitation mail. */
    EMAIL_SENT("Email Sent"),
    /** The mail could not be delivered (bad or unused address). */
    FAILURE("Failure"),
    /** The person opened the registration link but has not registered yet. */
    USER_CLICKED("User Clicked"),
    /** The person registered and their user profile exists. */
    REGISTERED("Registered");

    private final String label;

    UserInvitationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
