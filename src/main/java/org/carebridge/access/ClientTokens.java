package org.carebridge.access;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Finds the active client session an access token belongs to. The one check every client entry
 * point (REST filter, WebSocket handshake) makes; only the token's SHA-256 is ever compared.
 */
@ApplicationScoped
public class ClientTokens {

    /** Tokens are 43 characters (32 random bytes, base64url); anything far longer is not one. */
    static final int MAX_TOKEN_LENGTH = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<ClientSessionsEnded> ended;

    /** The session of {@code token} if it exists, is not revoked and has not expired. */
    public Optional<ClientSession> active(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return em.createNamedQuery(ClientSession.BY_HASH, ClientSession.class)
                .setParameter("hash", SecretTokens.hash(token.strip()))
                .getResultList().stream()
                .filter(session -> session.isActive(clock.instant()))
                .findFirst();
    }

    /**
     * Ends every session of the user at once (an administrator's "Login Disabled", an account
     * locked after wrong PINs). One statement, so a request arriving meanwhile sees either its
     * active session or none.
     *
     * @return how many sessions were still open
     */
    @Transactional
    public int revokeAllOfUser(Long userId) {
        ended.fire(ClientSessionsEnded.ofUser(userId));
        return em.createQuery("update ClientSession s set s.revokedAt = :now"
                        + " where s.user.id = :userId and s.revokedAt is null and s.expiresAt > :now")
                .setParameter("now", clock.instant()).setParameter("userId", userId).executeUpdate();
    }

    /** Ends every session on one device (remote wipe, a new login on the device). */
    @Transactional
    public int revokeAllOfDevice(Long deviceId) {
        ended.fire(ClientSessionsEnded.ofDevice(deviceId));
        return em.createQuery("update ClientSession s set s.revokedAt = :now"
                        + " where s.device.id = :deviceId and s.revokedAt is null and s.expiresAt > :now")
                .setParameter("now", clock.instant()).setParameter("deviceId", deviceId).executeUpdate();
    }
}
