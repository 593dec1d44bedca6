package org.carebridge.invitation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.carebridge.access.PasswordHasher;
import org.carebridge.access.SecretTokens;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.integration.ImportedUsers;
import org.carebridge.invitation.RegistrationRefusedException.Field;
import org.carebridge.organization.Organization;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.organization.TimeZones;
import org.carebridge.user.User;

/**
 * Registering from a mailed invitation link: the first opening marks the invitation User
 * Clicked; the form creates the person as a native user of the inviting organization (its
 * administrator when the invitation says so), links the imported user the invitation names, if
 * any, and marks the invitation Registered. Nobody is signed
 * in here: the token is the only credential.
 */
@ApplicationScoped
public class Registrations {

    private static final Logger LOG = Logger.getLogger(Registrations.class.getName());
    private static final String PIN_SHAPE = "\\d{4}";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditTrail audit;

    @Inject
    ImportedUsers importedUsers;

    /** What the registration page shows: whether the link works and, if so, what the invitation says. */
    public record View(RegistrationLink link, Details details) implements java.io.Serializable {
        static View of(RegistrationLink link) {
            return new View(link, null);
        }
    }

    /** The invitation as the person sees it; the form starts from these names and this time zone. */
    public record Details(String email, String firstName, String lastName, boolean administrator,
            String organizationName, ZoneId organizationTimeZone, Instant expiresAt) implements java.io.Serializable {
        static Details of(UserInvitation invitation) {
            Organization org = invitation.getOrganization();
            return new Details(invitation.getEmail(), invitation.getFirstName(), invitation.getLastName(),
                    invitation.isAdministrator(), org.getName(), org.timeZone(), invitation.getExpiresAt());
        }
    }

    /**
     * The page was opened from the link: records the first click (later openings change nothing)
     * and says what the page may show.
     */
    @Transactional
    public View open(String token) {
        UserInvitation invitation = find(token, false);
        RegistrationLink link = linkOf(invitation);
        if (!link.isOpen()) {
            return View.of(link);
        }
        if (invitation.getClickedAt() == null) {
            invitation.clicked(clock.instant());
            LOG.info(() -> "Invitation " + invitation.getId() + " opened for the first time");
        }
        return new View(link, Details.of(invitation));
    }

    /** What the link leads to, changing nothing. */
    @Transactional
    public View check(String token) {
        UserInvitation invitation = find(token, false);
        RegistrationLink link = linkOf(invitation);
        return link.isOpen() ? new View(link, Details.of(invitation)) : View.of(link);
    }

    /**
     * Creates the invited person's user from the form and closes the invitation.
     *
     * @throws UnusableRegistrationLinkException when the link cannot be used (any more), or the address was
     *                                           registered meanwhile
     * @throws RegistrationRefusedException      naming the field to correct; nothing is stored then
     */
    @Transactional
    public User register(String token, RegistrationForm form) {
        Objects.requireNonNull(form, "form");
        // Locked, so that a double submit registers once and the second sees the link used.
        UserInvitation invitation = find(token, true);
        RegistrationLink link = linkOf(invitation);
        if (!link.isOpen()) {
            throw new UnusableRegistrationLinkException(link);
        }
        Organization org = invitation.getOrganization();
        Checked checked = check(form, invitation.isAdministrator(), org.timeZone());
        Instant now = clock.instant();
        User user = User.nativeUser(org, invitation.getEmail(), checked.firstName(), checked.lastName(),
                checked.zone(), now);
        user.setCellPhone(checked.cellPhone());
        user.changePinHash(hasher.hash(form.pin()), false);
        if (checked.password() != null) {
            user.changePasswordHash(hasher.hash(checked.password()));
        }
        em.persist(user);
        user.assignStaffId();
        invitation.register(user, now);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // The address's unique key: someone registered it between our check and now.
            LOG.info(() -> "Registration from invitation " + invitation.getId() + " refused by the database: "
                    + e.getMessage());
            throw new UnusableRegistrationLinkException(RegistrationLink.ADDRESS_TAKEN);
        }
        // An invitation sent from an Imported User page links the new profile now, in this transaction.
        String linked = invitation.getLinkExternalUser() == null ? null
                : importedUsers.linkRegistered(invitation.getLinkExternalUser(), user);
        audit.recordBy(user, org, AuditAction.USER_REGISTERED, AuditTarget.user(user),
                "Registered from the invitation sent to " + invitation.getEmail()
                        + (invitation.isAdministrator() ? ", as organization administrator" : "")
                        + (linked == null ? "" : "; " + linked));
        LOG.info(() -> "Invitation " + invitation.getId() + " registered as user " + user.getId()
                + " of organization " + org.getId());
        return user;
    }

    private record Checked(String firstName, String lastName, String cellPhone, String password, ZoneId zone) {
    }

    /**
     * The form's rules, in the order the fields appear. A password is required of administrators
     * (they sign in to the console with it) and optional for everybody else.
     */
    static Checked check(RegistrationForm form, boolean administrator, ZoneId defaultZone) {
        String first = required(form.firstName(), Field.FIRST_NAME, "Enter your first name.");
        String last = required(form.lastName(), Field.LAST_NAME, "Enter your last name.");
        String cell = null;
        if (form.cellPhone() != null && !form.cellPhone().isBlank()) {
            try {
                cell = PhoneNumber.parse(form.cellPhone()).formatted();
            } catch (IllegalArgumentException e) {
                throw new RegistrationRefusedException(Field.CELL_PHONE, e.getMessage());
            }
        }
        if (form.pin() == null || !form.pin().matches(PIN_SHAPE)) {
            throw new RegistrationRefusedException(Field.PIN, "Choose a PIN of exactly 4 digits.");
        }
        if (!form.pin().equals(form.pinConfirmation())) {
            throw new RegistrationRefusedException(Field.PIN_CONFIRMATION, "The two PINs differ. Enter the same PIN twice.");
        }
        String password = form.password() == null || form.password().isEmpty() ? null : form.password();
        if (password == null && administrator) {
            throw new RegistrationRefusedException(Field.PASSWORD, "Choose a password: administrators sign in to the "
                    + "administration console with it.");
        }
        if (password != null) {
            try {
                PasswordHasher.checkPasswordRule(password);
            } catch (IllegalArgumentException e) {
                throw new RegistrationRefusedException(Field.PASSWORD, e.getMessage());
            }
            if (!password.equals(form.passwordConfirmation())) {
                throw new RegistrationRefusedException(Field.PASSWORD_CONFIRMATION,
                        "The two passwords differ. Enter the same password twice.");
            }
        }
        ZoneId zone = defaultZone;
        if (form.timeZone() != null && !form.timeZone().isBlank()) {
            try {
                zone = TimeZones.parse(form.timeZone());
            } catch (IllegalArgumentException e) {
                throw new RegistrationRefusedException(Field.TIME_ZONE, e.getMessage());
            }
        }
        return new Checked(first, last, cell, password, zone);
    }

    private static String required(String value, Field field, String message) {
        if (value == null || value.isBlank()) {
            throw new RegistrationRefusedException(field, message);
        }
        String stripped = value.strip();
        if (stripped.length() > UserInvitation.NAME_MAX) {
            throw new RegistrationRefusedException(field, "Use at most " + UserInvitation.NAME_MAX + " characters.");
        }
        return stripped;
    }

    private RegistrationLink linkOf(UserInvitation invitation) {
        RegistrationLink link = RegistrationLink.of(invitation, clock.instant());
        if (link.isOpen() && addressTaken(invitation.getEmail())) {
            return RegistrationLink.ADDRESS_TAKEN;
        }
        return link;
    }

    private boolean addressTaken(String email) {
        return !em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", email)
                .setMaxResults(1).getResultList().isEmpty();
    }

    private UserInvitation find(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return null;
        }
        var query = em.createNamedQuery(UserInvitation.BY_HASH, UserInvitation.class)
                .setParameter("hash", SecretTokens.hash(token.strip()));
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultList().stream().findFirst().orElse(null);
    }
}
