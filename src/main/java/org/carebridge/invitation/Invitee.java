package org.carebridge.invitation;

import java.util.Objects;

/**
 * One person to invite: an address, and the names to greet them with and to prefill their
 * registration (either may be missing). The address is normalised (trimmed, lower case) and
 * checked on construction, so a list of invitees is always a list of plausible addresses.
 */
public record Invitee(String email, String firstName, String lastName) {

    /**
     * @throws IllegalArgumentException naming the address when it is not one, or when a name is too long
     */
    public Invitee {
        email = UserInvitation.normalizeEmail(email);
        firstName = optionalName(firstName, "first", email);
        lastName = optionalName(lastName, "last", email);
    }

    /** Someone known only by address. */
    public static Invitee of(String email) {
        return new Invitee(email, null, null);
    }

    private static String optionalName(String name, String which, String email) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.length() > UserInvitation.NAME_MAX) {
            throw new IllegalArgumentException("The " + which + " name for " + email + " is longer than "
                    + UserInvitation.NAME_MAX + " characters.");
        }
        return stripped;
    }

    /** Same person (same address), keeping names when this one has none. */
    Invitee mergedWith(Invitee later) {
        Objects.requireNonNull(later, "later");
        return new Invitee(email, firstName != null ? firstName : later.firstName,
                lastName != null ? lastName : later.lastName);
    }
}
