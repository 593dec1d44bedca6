package org.carebridge.invitation;

/** A registration link that cannot be used (any more); {@link #link()} says why. */
public class UnusableRegistrationLinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RegistrationLink link;

    public UnusableRegistrationLinkException(RegistrationLink link) {
        super(link.explanation());
        this.link = link;
    }

    public RegistrationLink link() {
        return link;
    }
}
