package org.carebridge.organization;

/** Another organization already has this name (names are unique regardless of case). */
public class DuplicateNameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateNameException(String name) {
        super("An organization named \"" + name + "\" already exists.");
    }
}
