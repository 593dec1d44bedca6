package org.carebridge.invitation;

/** An invitation link that can no longer be accepted; {@link #status()} says why. */
public class UnusableInvitationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LinkStatus status;

    public UnusableInvitationException(LinkStatus status) {
        super(status.explanation());
        this.status = status;
    }

    public LinkStatus status() {
        return status;
    }
}
