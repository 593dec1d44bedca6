package org.carebridge.group;

/** The organization already has a group of this name (names are unique regardless of case). */
public class DuplicateGroupNameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateGroupNameException(String name) {
        super("This organization already has a group named \"" + name + "\".");
    }
}
