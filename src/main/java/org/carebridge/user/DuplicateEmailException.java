package org.carebridge.user;

/** Another user, in any organization, already signs in with this e-mail address. */
public class DuplicateEmailException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public DuplicateEmailException(String email) {
        super("Another user already has the e-mail address " + email + ".");
    }
}
