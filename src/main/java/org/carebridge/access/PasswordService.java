package org.carebridge.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.mail.MailLayout;
import org.carebridge.mail.Outbox;
import org.carebridge.platform.PublicLinks;
import org.carebridge.user.User;

/**
 * Console passwords set through mailed links: "forgot password" resets and the first password
 * of a new administrator. Links are single-use and expire; issuing a new one ends older ones.
 */
@ApplicationScoped
public class PasswordService {

    private static final Logger LOG = Logger.getLogger(PasswordService.class.getName());
    public static final String RESET_PAGE = "/password/reset.xhtml";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    PasswordHasher hasher;

    @Inject
    PublicLinks links;

    /**
     * Mails a reset link if the address belongs to an administrator who may sign in to the
     * console. The caller learns nothing either way: the page gives the same answer.
     */
    @Transactional
    public void requestReset(String email) {
        String normalized = User.normalizeEmail(email);
        List<User> found = em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", normalized).getResultList();
        if (found.isEmpty() || !found.get(0).mayUseConsole()) {
            LOG.info("Password reset asked for an address without console access; nothing sent");
            return;
        }
        User user = found.get(0);
        Issued issued = issue(user, PasswordTokenPurpose.RESET);
        outbox.enqueue(MailLayout.compose(user.getEmail(), "Reset your Carebridge password",
                user.getOrganization().getName(),
                List.of("Hello " + user.getFirstName() + ",",
                        "Someone (hopefully you) asked to reset the password you use to sign in to the Carebridge "
                                + "administration console.",
                        "The link below works once and until " + formatExpiry(issued.entity(), user) + ". If you did not ask "
                                + "for this, ignore this mail: your password stays as it is."),
                new MailLayout.Action("Choose a new password", links.withToken(RESET_PAGE, issued.token())), null));
        LOG.info(() -> "Password reset link mailed to user " + user.getId());
    }

    /**
     * Issues the link a newly appointed administrator uses to choose a first password, and
     * returns it for the caller to put in its invitation mail.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String firstPasswordLink(User user) {
        return links.withToken(RESET_PAGE, issue(user, PasswordTokenPurpose.FIRST_PASSWORD).token());
    }

    /** What a token in a link is good for, checked before the page shows its form. */
    @Transactional
    public TokenCheck check(String token) {
        PasswordToken found = find(token);
        if (found == null || !found.isUsable(clock.instant())) {
            return TokenCheck.UNUSABLE;
        }
        return found.getPurpose() == PasswordTokenPurpose.FIRST_PASSWORD ? TokenCheck.FIRST_PASSWORD : TokenCheck.RESET;
    }

    public enum TokenCheck { RESET, FIRST_PASSWORD, UNUSABLE }

    /**
     * Sets the password named by a valid link, uses up the link, and mails a confirmation.
     *
     * @throws IllegalArgumentException when the password breaks the rule or the two entries differ
     * @throws UnusableTokenException   when the link is unknown, used or expired
     */
    @Transactional(dontRollbackOn = UnusableTokenException.class)
    public void setPassword(String token, String password, String confirmation) {
        PasswordHasher.checkPasswordRule(password);
        if (!password.equals(confirmation)) {
            throw new IllegalArgumentException("The two passwords do not match.");
        }
        PasswordToken found = find(token);
        Instant now = clock.instant();
        if (found != null) {
            em.lock(found, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(found);
        }
        if (found == null || !found.isUsable(now)) {
            throw new UnusableTokenException();
        }
        User user = found.getUser();
        user.changePasswordHash(hasher.hash(password));
        found.markUsed(now);
        outbox.enqueue(MailLayout.compose(user.getEmail(), "Your Carebridge password was changed",
                user.getOrganization().getName(),
                List.of("Hello " + user.getFirstName() + ",",
                        "The password for your Carebridge administration console account was just set.",
                        "If you did not do this, contact your organization's administrator or Carebridge support "
                                + "at once."),
                new MailLayout.Action("Sign in", links.page("/login.xhtml")), null));
        LOG.info(() -> "Console password set for user " + user.getId() + " through a " + found.getPurpose() + " link");
    }

    /** The link was unknown, already used, replaced or expired. */
    public static class UnusableTokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnusableTokenException() {
            super("This link is no longer valid. Ask for a new one.");
        }
    }

    private record Issued(String token, PasswordToken entity) {
    }

    private Issued issue(User user, PasswordTokenPurpose purpose) {
        Instant now = clock.instant();
        em.createNamedQuery(PasswordToken.OPEN_FOR_USER, PasswordToken.class)
                .setParameter("user", user).setParameter("now", now)
                .getResultList().forEach(old -> old.revoke(now));
        String token = SecretTokens.newToken();
        PasswordToken entity = new PasswordToken(user, purpose, SecretTokens.hash(token), now);
        em.persist(entity);
        return new Issued(token, entity);
    }

    private PasswordToken find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return null;
        }
        List<PasswordToken> found = em.createNamedQuery(PasswordToken.BY_HASH, PasswordToken.class)
                .setParameter("hash", SecretTokens.hash(token)).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The expiry in the reader's time zone. */
    static String formatExpiry(PasswordToken issued, User user) {
        return MailLayout.dateTime(issued.getExpiresAt(), user.timeZone());
    }
}
