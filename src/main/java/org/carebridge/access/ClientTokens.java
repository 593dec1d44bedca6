package org.carebridge.access;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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
}
