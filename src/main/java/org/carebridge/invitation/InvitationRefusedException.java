package org.carebridge.invitation;

/** An invitation that cannot be sent; the message says why, in words for the administrator. */
public class InvitationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvitationRefusedException(String message) {
        super(message);
    }
}
