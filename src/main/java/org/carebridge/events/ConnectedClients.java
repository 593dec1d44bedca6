package org.carebridge.events;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.carebridge.access.ClientSessionsEnded;

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

    /**
     * Closes at once the sockets on this node whose sessions just ended (sign-out, "Login
     * Disabled", a lock, a remote wipe). Sessions ended on other nodes are caught by
     * {@link EndedSessionSockets} within half a minute.
     */
    void onSessionsEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClientSessionsEnded ended) {
        for (Session socket : sockets()) {
            Map<String, Object> properties = socket.getUserProperties();
            if (socket.isOpen() && ended.covers((Long) properties.get(ClientEventsHandshake.USER_ID),
                    (Long) properties.get(ClientEventsHandshake.DEVICE_ID),
                    (Long) properties.get(ClientEventsHandshake.SESSION_ID))) {
                try {
                    socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Sign in again"));
                } catch (IOException e) {
                    LOG.log(Level.FINE, "Closing an ended session's socket failed", e);
                }
            }
        }
    }

    /** Every open socket on this node. */
    List<Session> sockets() {
        return byUser.values().stream().flatMap(Set::stream).toList();
    }

    /** The open sockets of {@code userId} on this node. */
    List<Session> socketsOf(long userId) {
        return byUser.getOrDefault(userId, Set.of()).stream().filter(Session::isOpen).toList();
    }

    /** Whether {@code userId} has an open socket on this node. */
    public boolean isConnectedHere(long userId) {
        return !socketsOf(userId).isEmpty();
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
