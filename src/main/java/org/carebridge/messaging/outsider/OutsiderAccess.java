package org.carebridge.messaging.outsider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.access.SecretTokens;
import org.carebridge.events.EventLog;
import org.carebridge.events.EventType;
import org.carebridge.messaging.Message;
import org.carebridge.messaging.MessagingViews.ReceiptPayload;
import org.carebridge.messaging.outsider.OutsiderDelivery.LinkState;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a non-user gets in: a link from a notice opens once and turns into a short session for
 * that non-user and that conversation, kept in an HttpOnly cookie. Everything is refused once the
 * organization that wrote to them turns messages to non-users off (links and sessions work again
 * if it is turned back on, until they expire).
 */
@ApplicationScoped
public class OutsiderAccess {

    /** Ended sessions are deleted once unused for this long. */
    static final Duration SESSIONS_KEPT = Duration.ofDays(1);

    /** The cookie that carries a session's token. */
    public static final String COOKIE = "carebridge-outsider";
    /** Anything longer is no token of ours, and is not even hashed. */
    private static final int TOKEN_MAX = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    EventLog events;

    @Inject
    @ConfigProperty(name = "outsiders.session.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    /** What a link can do now. */
    public enum LinkOutcome {
        /** It opens (once). */
        USABLE,
        /** It was opened before. */
        USED,
        /** Its time is over, or its message expired. */
        EXPIRED,
        /** No link of ours. */
        UNKNOWN,
        /** The organization no longer allows messages to non-users. */
        CLOSED
    }

    /** A link's state, and which organization it is from while it still opens. */
    public record LinkCheck(LinkOutcome outcome, String organizationName) {
    }

    /** The outcome of opening a link; for {@link LinkOutcome#USABLE} the new session's cookie token. */
    public record Opened(LinkOutcome outcome, String sessionToken) {
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** What {@code token} would do, without using it: the page a link shows before it is opened. */
    @Transactional
    public LinkCheck check(String token) {
        Optional<OutsiderDelivery> delivery = delivery(token, LockModeType.NONE);
        LinkOutcome outcome = outcome(delivery, clock.instant());
        return new LinkCheck(outcome, outcome == LinkOutcome.USABLE
                ? delivery.get().getMessage().getSenderOrganization().getName() : null);
    }

    /**
     * Opens the link: it is spent, the message counts as delivered (its sender sees it), and a
     * session starts for the non-user in the message's conversation. A second opening, even at
     * the same moment, finds the link used.
     */
    @Transactional
    public Opened open(String token) {
        Instant now = clock.instant();
        Optional<OutsiderDelivery> found = delivery(token, LockModeType.PESSIMISTIC_WRITE);
        LinkOutcome outcome = outcome(found, now);
        if (outcome != LinkOutcome.USABLE) {
            return new Opened(outcome, null);
        }
        OutsiderDelivery delivery = found.get();
        Message message = delivery.getMessage();
        delivery.useLink(now);
        if (message.getSender() != null) {
            events.append(List.of(message.getSender().getId()), EventType.RECEIPT, message.getConversation().getId(),
                    message.getId(), ReceiptPayload.of(delivery));
        }
        String sessionToken = SecretTokens.newToken();
        em.persist(new OutsiderSession(delivery.getOutsider(), message.getConversation(),
                SecretTokens.hash(sessionToken), now));
        return new Opened(outcome, sessionToken);
    }

    /**
     * The open session {@code cookieToken} names, its idle time restarted; joins the caller's
     * transaction.
     *
     * @throws OutsiderSessionEndedException when there is none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutsiderSession active(String cookieToken) {
        Instant now = clock.instant();
        OutsiderSession session = session(cookieToken)
                .orElseThrow(() -> new OutsiderSessionEndedException("This page has closed. Open the newest link"
                        + " you received to read your messages again."));
        if (!session.isActive(now, idleTimeout)) {
            throw new OutsiderSessionEndedException("This page closed after " + idleTimeout.toMinutes()
                    + " minutes without activity. Open the newest link you received to read your messages again.");
        }
        if (!session.getOutsider().isAllowed()) {
            throw new OutsiderSessionEndedException("This conversation is no longer available here.");
        }
        session.touch(now);
        return session;
    }

    /** When {@code session} ends unless used again. */
    public Instant expiresAt(OutsiderSession session) {
        return session.expiresAt(idleTimeout);
    }

    /** The non-user leaves: the session ends now. Unknown or ended sessions change nothing. */
    @Transactional
    public void end(String cookieToken) {
        session(cookieToken).ifPresent(s -> s.end(clock.instant()));
    }

    /**
     * Deletes sessions last used more than a day ago: all of them ended long before (a session
     * lasts {@link OutsiderSession#LIFETIME_MAX} at most), and the audit trail keeps what the
     * non-user read and wrote. One idempotent delete; any node may run it.
     *
     * @return how many were deleted
     */
    @Transactional
    public int forgetEndedSessions() {
        return em.createQuery("delete from OutsiderSession s where s.lastSeenAt < :before")
                .setParameter("before", clock.instant().minus(SESSIONS_KEPT)).executeUpdate();
    }

    private Optional<OutsiderSession> session(String cookieToken) {
        if (!plausible(cookieToken)) {
            return Optional.empty();
        }
        return em.createNamedQuery(OutsiderSession.BY_TOKEN, OutsiderSession.class)
                .setParameter("hash", SecretTokens.hash(cookieToken)).getResultList().stream().findFirst();
    }

    private Optional<OutsiderDelivery> delivery(String token, LockModeType lock) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return em.createNamedQuery(OutsiderDelivery.BY_LINK, OutsiderDelivery.class)
                .setParameter("hash", SecretTokens.hash(token)).setLockMode(lock).getResultList().stream().findFirst();
    }

    private static LinkOutcome outcome(Optional<OutsiderDelivery> delivery, Instant now) {
        if (delivery.isEmpty()) {
            return LinkOutcome.UNKNOWN;
        }
        LinkState state = delivery.get().linkState(now);
        if (state == LinkState.USED) {
            return LinkOutcome.USED;
        }
        if (state == LinkState.EXPIRED) {
            return LinkOutcome.EXPIRED;
        }
        return delivery.get().getOutsider().isAllowed() ? LinkOutcome.USABLE : LinkOutcome.CLOSED;
    }

    private static boolean plausible(String token) {
        return token != null && !token.isEmpty() && token.length() <= TOKEN_MAX;
    }
}
