package org.carebridge.integration;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * The sync connections open on this node. A connector holds one socket on one node; the
 * database (heartbeat, "Sync Users Now" flag, the run rows) is what the nodes share.
 */
@ApplicationScoped
public class SyncConnections {

    private static final Logger LOG = Logger.getLogger(SyncConnections.class.getName());

    private final Map<String, Connection> open = new ConcurrentHashMap<>();

    /** One connector socket and its conversation; sends are serialised per connection. */
    public static final class Connection {
        final Session session;
        final SyncConversation conversation;
        final Instant openedAt;
        volatile Long integrationId;
        volatile long organizationId;
        volatile String keyCiphertext;
        volatile String lastDirectoryFrame;
        /** When the connector signed in on this connection. */
        volatile Instant signedInAt;
        /** Whether badge copies left unacknowledged by earlier connections were sent again on this one. */
        volatile boolean badgesResent;

        Connection(Session session, SyncConversation conversation, Instant openedAt) {
            this.session = session;
            this.conversation = conversation;
            this.openedAt = openedAt;
        }

        public synchronized void send(String text) throws IOException {
            session.getBasicRemote().sendText(text);
        }

        public void close(int code, String reason) {
            try {
                if (session.isOpen()) {
                    session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "Closing a sync connection failed", e);
            }
        }

        public boolean isAuthenticated() {
            return integrationId != null;
        }

        public long organizationId() {
            return organizationId;
        }
    }

    Connection opened(Session session, SyncConversation conversation, Instant now) {
        Connection connection = new Connection(session, conversation, now);
        open.put(session.getId(), connection);
        return connection;
    }

    Connection of(Session session) {
        return open.get(session.getId());
    }

    Connection closed(Session session) {
        return open.remove(session.getId());
    }

    List<Connection> all() {
        return List.copyOf(open.values());
    }

    /** Signed-in connections of an integration on this node, {@code except} one. */
    List<Connection> ofIntegration(long integrationId, Connection except) {
        return open.values().stream().filter(c -> c != except && c.integrationId != null
                && c.integrationId == integrationId).toList();
    }

    List<Connection> ofOrganization(long organizationId) {
        return open.values().stream().filter(c -> c.isAuthenticated() && c.organizationId == organizationId).toList();
    }
}
