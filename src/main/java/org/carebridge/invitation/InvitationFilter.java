package org.carebridge.invitation;

/**
 * The Invitations page's filters: each non-blank text must occur, in any letter case, in its
 * column. Blank or {@code null} filters match everything.
 */
public record InvitationFilter(String email, String lastName, String firstName) {

    public static final InvitationFilter NONE = new InvitationFilter(null, null, null);

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean hasLastName() {
        return lastName != null && !lastName.isBlank();
    }

    public boolean hasFirstName() {
        return firstName != null && !firstName.isBlank();
    }
}
