package org.carebridge.access;

import java.io.IOException;
import java.io.Serializable;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.platform.web.Messages;

/** Where a mailed password link lands: choose a password, confirm it, go to Sign In. */
@Named
@ViewScoped
public class ResetPasswordPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PasswordService passwords;

    private String token;
    private PasswordService.TokenCheck check = PasswordService.TokenCheck.UNUSABLE;
    private String password;
    private String confirmation;

    public void load() {
        check = passwords.check(token);
    }

    public void submit() throws IOException {
        try {
            passwords.setPassword(token, password, confirmation);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/login.xhtml?reason=passwordChanged");
        } catch (PasswordService.UnusableTokenException e) {
            check = PasswordService.TokenCheck.UNUSABLE;
        } catch (IllegalArgumentException e) {
            Messages.fieldError("reset:password", e.getMessage());
        }
    }

    public boolean isUsable() {
        return check != PasswordService.TokenCheck.UNUSABLE;
    }

    public boolean isFirstPassword() {
        return check == PasswordService.TokenCheck.FIRST_PASSWORD;
    }

    public int getMinLength() {
        return PasswordHasher.MIN_PASSWORD_LENGTH;
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
