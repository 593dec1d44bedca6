package org.carebridge.user;

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

import org.carebridge.access.NotInScopeException;
import org.carebridge.access.PasswordHasher;
import org.carebridge.access.PinResetToken;
import org.carebridge.access.SecretTokens;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.mail.MailLayout;
import org.carebridge.mail.Outbox;
import org.carebridge.platform.PublicLinks;

/**
 * "Reset PIN": an administrator mails a user a single-use link, and the user chooses a new
 * client PIN on a public page. Only the link token's SHA-256 is stored; a newer link ends
 * older ones.
 */
@ApplicationScoped
public class UserPins {

    private static final Logger LOG = Logger.getLogger(UserPins.class.getName());
    public static final String RESET_PAGE = "/pin/reset.xhtml";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PasswordHasher hasher;

    @Inject
    Outbox outbox;

    @Inject
    PublicLinks links;

    @Inject
    AuditTrail audit;

    /** Mails {@code user} (loaded through {@code AdminScope}) a link to choose a new PIN. */
    @Transactional
    public void sendReset(User user) {
        User current = em.find(User.class, user.getId());
        if (current == null) {
            throw new NotInScopeException("User " + user.getId() + " no longer exists");
        }
        if (current.getKind() != UserKind.NATIVE || current.getEmail() == null) {
            throw new IllegalStateException("Only users with an e-mail address can reset their PIN by mail.");
        }
        Instant now = clock.instant();
        em.createNamedQuery(PinResetToken.OPEN_FOR_USER, PinResetToken.class).setParameter("user", current)
                .setParameter("now", now).getResultList().forEach(old -> old.revoke(now));
        String token = SecretTokens.newToken();
        PinResetToken issued = new PinResetToken(current, SecretTokens.hash(token), now);
        em.persist(issued);
        outbox.enqueue(MailLayout.compose(current.getEmail(), "Choose a new Carebridge PIN",
                current.getOrganization().getName(),
                List.of("Hello " + current.getFirstName() + ",",
                        "An administrator of " + current.getOrganization().getName() + " has asked Carebridge to let "
                                + "you choose a new PIN, the four digits you enter to sign in to the Carebridge app.",
                        "The link below works once, until "
                                + MailLayout.dateTime(issued.getExpiresAt(), current.timeZone())
                                + ". Until you use it, your current PIN keeps working."),
                new MailLayout.Action("Choose a new PIN", links.withToken(RESET_PAGE, token)),
                "If you did not expect this mail, tell your organization's administrator."));
        audit.record(current.getOrganization(), AuditAction.USER_PIN_RESET_SENT, AuditTarget.user(current),
                "Link valid until " + issued.getExpiresAt());
        LOG.info(() -> "PIN reset link mailed to user " + current.getId());
    }

    /** Whether a link's token can still be used, checked before the page shows its form. */
    @Transactional
    public boolean isUsable(String token) {
        PinResetToken found = find(token);
        return found != null && found.isUsable(clock.instant());
    }

    /**
     * Sets the PIN named by a valid link and uses the link up. The PIN becomes permanent and a
     * lock after wrong PINs is lifted (the user proved they read the mail).
     *
     * @throws IllegalArgumentException when the PIN breaks the rule or the two entries differ
     * @throws UnusablePinLinkException when the link is unknown, used, replaced or expired
     */
    @Transactional(dontRollbackOn = UnusablePinLinkException.class)
    public void choosePin(String token, String pin, String confirmation) {
        String problem = User.pinProblem(pin);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!pin.equals(confirmation)) {
            throw new IllegalArgumentException("The two PINs do not match.");
        }
        PinResetToken found = find(token);
        Instant now = clock.instant();
        if (found != null) {
            em.lock(found, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(found);
        }
        if (found == null || !found.isUsable(now)) {
            throw new UnusablePinLinkException();
        }
        User user = found.getUser();
        user.resetPinByLink(hasher.hash(pin));
        found.markUsed(now);
        audit.recordBy(user, user.getOrganization(), AuditAction.USER_PIN_CHANGED, AuditTarget.user(user),
                "PIN: changed by the user through a mailed link; PIN is temporary: No");
        LOG.info(() -> "PIN chosen through a mailed link by user " + user.getId());
    }

    /** The link was unknown, already used, replaced by a newer one or expired. */
    public static class UnusablePinLinkException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnusablePinLinkException() {
            super("This link can no longer be used. Ask your administrator to send a new one.");
        }
    }

    private PinResetToken find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return null;
        }
        List<PinResetToken> found = em.createNamedQuery(PinResetToken.BY_HASH, PinResetToken.class)
                .setParameter("hash", SecretTokens.hash(token)).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
