package org.carebridge.events;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * Closes this node's client event sockets whose access session has ended: signed out, revoked
 * by an administrator's "Login Disabled", a lock after wrong PINs or a remote wipe, or expired.
 * A socket is authenticated once, at its handshake, so without this it would keep receiving
 * events. Every node sweeps its own sockets against the database every 30 seconds, which covers
 * revocations made on any node; the closed client reconnects and is told why by the handshake.
 */
@Singleton
public class EndedSessionSockets {

    private static final Logger LOG = Logger.getLogger(EndedSessionSockets.class.getName());
    /** How many session ids one query checks. */
    private static final int CHUNK = 500;

    @Inject
    ConnectedClients clients;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false, info = "ended-session-sockets")
    void sweep() {
        try {
            closeEnded();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking client sockets against their sessions failed; the next run retries", e);
        }
    }

    /** @return how many sockets were closed */
    int closeEnded() {
        Map<Long, List<Session>> bySession = new HashMap<>();
        for (Session socket : clients.sockets()) {
            if (socket.isOpen() && socket.getUserProperties().get(ClientEventsHandshake.SESSION_ID) instanceof Long id) {
                bySession.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(socket);
            }
        }
        if (bySession.isEmpty()) {
            return 0;
        }
        List<Long> ids = List.copyOf(bySession.keySet());
        Set<Long> active = new HashSet<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            active.addAll(em.createQuery("select s.id from ClientSession s where s.id in :ids"
                            + " and s.revokedAt is null and s.expiresAt > :now", Long.class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .setParameter("now", clock.instant())
                    .getResultList());
        }
        int closed = 0;
        for (Map.Entry<Long, List<Session>> entry : bySession.entrySet()) {
            if (active.contains(entry.getKey())) {
                continue;
            }
            for (Session socket : entry.getValue()) {
                try {
                    socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Sign in again"));
                    closed++;
                } catch (IOException e) {
                    LOG.log(Level.FINE, "Closing an ended session's socket failed", e);
                }
            }
        }
        int count = closed;
        if (count > 0) {
            LOG.info(() -> "Closed " + count + " client event sockets whose session has ended");
        }
        return closed;
    }
}
