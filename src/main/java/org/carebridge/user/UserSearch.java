package org.carebridge.user;

import java.io.Serializable;

/**
 * What Find Users looks for: parts of the first name, last name and e-mail (any case; blank
 * means any) and a user type.
 */
public record UserSearch(String firstName, String lastName, String email, UserType type) implements Serializable {

    public UserSearch {
        type = type == null ? UserType.ALL : type;
    }

    public static UserSearch everyone() {
        return new UserSearch(null, null, null, UserType.ALL);
    }

    /** How results are ordered: by name (last, first) or by user type, then by name. */
    public enum Order { NAME, TYPE }
}
