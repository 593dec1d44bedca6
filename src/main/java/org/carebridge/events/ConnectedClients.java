package org.carebridge.events;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.Session;

/**
 * The client event sockets open on this node, by user. Each node knows only its own; events
 * that happen elsewhere reach it through {@link ClusterRelay}.
 */
@ApplicationScoped
public class ConnectedClients {

    private static final Logger LOG = Logger.getLogger(ConnectedClients.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    private final Map<Long, Set<Session>> byUser = new ConcurrentHashMap<>();

    void opened(long userId, Session session) {
        byUser.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void closed(long userId, Session session) {
        byUser.computeIfPresent(userId, (k, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /** Users with at least one open socket on this node. */
    public Set<Long> userIds() {
        return Set.copyOf(byUser.keySet());
    }

    /** Sends {@code event} to every open socket of {@code userIds} on this node, without waiting. */
    public void send(Collection<Long> userIds, ClientEvent event) {
        String text = JSON.toJson(event);
        for (Long userId : userIds) {
            for (Session session : byUser.getOrDefault(userId, Set.of())) {
                if (session.isOpen()) {
                    session.getAsyncRemote().sendText(text, result -> {
                        if (!result.isOK()) {
                            LOG.log(Level.FINE, "Event not delivered to a socket of user " + userId, result.getException());
                        }
                    });
                }
            }
        }
    }
}
