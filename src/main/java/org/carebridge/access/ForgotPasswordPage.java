package org.carebridge.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** "Reset your password": asks for the sign-in address and always answers the same way. */
@Named
@RequestScoped
public class ForgotPasswordPage {

    @Inject
    PasswordService passwords;

    private String email;
    private boolean submitted;

    public void submit() {
        if (email != null && !email.isBlank() && email.length() <= 254) {
            passwords.requestReset(email);
        }
        submitted = true;
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isSubmitted() { return submitted; }
}
