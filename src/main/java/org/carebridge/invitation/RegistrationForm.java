package org.carebridge.invitation;

/**
 * What a person enters to register from an invitation. The PIN, password and cell phone are
 * private: this record's {@link #toString()} leaves them out, so it can never log them.
 */
public record RegistrationForm(String firstName, String lastName, String cellPhone, String pin,
        String pinConfirmation, String password, String passwordConfirmation, String timeZone) {

    @Override
    public String toString() {
        return "RegistrationForm[" + firstName + " " + lastName + ", " + timeZone + "]";
    }
}
