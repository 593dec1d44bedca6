package org.carebridge.invitation;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.PasswordHasher;
import org.carebridge.mail.MailLayout;
import org.carebridge.organization.TimeZones;
import org.carebridge.platform.web.Messages;

/**
 * Where the mailed invitation link lands (a public page: the invitee has no account yet). The
 * first opening is recorded as User Clicked; the form creates the user. A link that cannot be
 * used gets an explanation of what to do instead.
 */
@Named
@ViewScoped
public class RegisterPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Registrations registrations;

    private String token;
    private Registrations.View view = Registrations.View.of(RegistrationLink.UNKNOWN);
    private boolean registered;
    private String firstName;
    private String lastName;
    private String cellPhone;
    private String pin;
    private String pinConfirmation;
    private String password;
    private String passwordConfirmation;
    private String timeZone;

    /** The view action of the first GET; postbacks do not run it. */
    public void load() {
        try {
            view = registrations.open(token);
        } catch (RuntimeException e) {
            // Recording the click lost a race (say, a second tab): show the page all the same.
            view = registrations.check(token);
        }
        Registrations.Details details = view.details();
        if (details != null) {
            firstName = details.firstName();
            lastName = details.lastName();
            timeZone = details.organizationTimeZone().getId();
        }
    }

    public void register() {
        if (!view.link().isOpen()) {
            return;
        }
        try {
            registrations.register(token, new RegistrationForm(firstName, lastName, cellPhone, pin, pinConfirmation,
                    password, passwordConfirmation, timeZone));
            registered = true;
        } catch (UnusableRegistrationLinkException e) {
            view = Registrations.View.of(e.link());
        } catch (RegistrationRefusedException e) {
            Messages.fieldError("register:" + fieldId(e.field()), e.getMessage());
        } finally {
            pin = null;
            pinConfirmation = null;
            password = null;
            passwordConfirmation = null;
        }
    }

    private static String fieldId(RegistrationRefusedException.Field field) {
        return switch (field) {
            case FIRST_NAME -> "firstName";
            case LAST_NAME -> "lastName";
            case CELL_PHONE -> "cellPhone";
            case PIN -> "pin";
            case PIN_CONFIRMATION -> "pinConfirmation";
            case PASSWORD -> "password";
            case PASSWORD_CONFIRMATION -> "passwordConfirmation";
            case TIME_ZONE -> "timeZone";
        };
    }

    public boolean isOpen() {
        return view.link().isOpen() && !registered;
    }

    public boolean isUnusable() {
        return !view.link().isOpen() && !registered;
    }

    public boolean isRegistered() {
        return registered;
    }

    public String getExplanation() {
        return view.link().explanation();
    }

    public Registrations.Details getDetails() {
        return view.details();
    }

    public boolean isAdministrator() {
        return view.details() != null && view.details().administrator();
    }

    /** Until when the link works, on the organization's clock. */
    public String getExpires() {
        Registrations.Details details = view.details();
        return details == null ? "" : MailLayout.dateTime(details.expiresAt(), details.organizationTimeZone());
    }

    public List<String> getTimeZones() {
        return TimeZones.choices();
    }

    public int getMinPasswordLength() {
        return PasswordHasher.MIN_PASSWORD_LENGTH;
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getCellPhone() { return cellPhone; }
    public void setCellPhone(String cellPhone) { this.cellPhone = cellPhone; }
    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public String getPinConfirmation() { return pinConfirmation; }
    public void setPinConfirmation(String pinConfirmation) { this.pinConfirmation = pinConfirmation; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordConfirmation() { return passwordConfirmation; }
    public void setPasswordConfirmation(String passwordConfirmation) { this.passwordConfirmation = passwordConfirmation; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
}
