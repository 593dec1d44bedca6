package org.carebridge.integration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The sync socket, {@code /ws/SyncService}: one per on-premises connector. Protocol in
 * docs/sync-protocol.md; the rules live in {@link SyncConversation}, the work in
 * {@link SyncService}, the timing in {@link SyncScheduler}.
 */
@ServerEndpoint("/ws/SyncService")
public class SyncEndpoint {

    private static final Logger LOG = Logger.getLogger(SyncEndpoint.class.getName());
    /** How often the connector sends a heartbeat; three missed ones close the socket. */
    public static final int HEARTBEAT_SECONDS = 10;

    @Inject
    SyncService service;

    @Inject
    SyncConnections connections;

    @Inject
    SyncScheduler scheduler;

    @Inject
    Clock clock;

    @OnOpen
    public void open(Session session) throws IOException {
        session.setMaxTextMessageBufferSize(SyncFrame.MAX_FRAME_CHARS * 2);
        session.setMaxBinaryMessageBufferSize(1024);
        session.setMaxIdleTimeout(HEARTBEAT_SECONDS * 3 * 1000L);
        SyncConversation conversation = new SyncConversation(service, SyncHandshake.newChallenge());
        SyncConnections.Connection connection = connections.opened(session, conversation, clock.instant());
        connection.send(conversation.challengeFrame());
    }

    @OnMessage
    public void text(Session session, String text) {
        SyncConnections.Connection connection = connections.of(session);
        if (connection == null) {
            return;
        }
        boolean wasAuthenticated = connection.conversation.isAuthenticated();
        try {
            List<String> replies = connection.conversation.receive(text);
            if (!wasAuthenticated && connection.conversation.isAuthenticated()) {
                signedIn(connection);
            }
            for (String reply : replies) {
                connection.send(reply);
            }
        } catch (SyncRefusal refusal) {
            LOG.warning(() -> "Sync connection " + session.getId() + (connection.integrationId == null ? ""
                    : " of integration " + connection.integrationId) + " closed: " + refusal.reason());
            connection.close(refusal.code(), refusal.reason());
        } catch (IOException e) {
            LOG.log(Level.FINE, "Sending on a sync connection failed", e);
            connection.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "Send failed");
        }
    }

    private void signedIn(SyncConnections.Connection connection) throws IOException {
        long integrationId = connection.conversation.integrationId();
        // Under the connection's lock, so nothing another thread sends on it (badge messages) precedes welcome.
        synchronized (connection) {
            connection.signedInAt = clock.instant();
            connection.keyCiphertext = service.keyCiphertext(integrationId);
            connection.organizationId = service.check(integrationId, connection.keyCiphertext).organizationId();
            connection.integrationId = integrationId;
            for (SyncConnections.Connection older : connections.ofIntegration(integrationId, connection)) {
                older.close(SyncRefusal.NORMAL, "Replaced by a newer connection of the same integration");
            }
            connection.send(service.welcomeFrame(integrationId));
        }
        scheduler.serve(connection);
    }

    @OnMessage
    public void binary(Session session, ByteBuffer data) {
        SyncConnections.Connection connection = connections.of(session);
        if (connection != null) {
            connection.close(SyncRefusal.UNSUPPORTED_DATA, "Binary frames are not part of the protocol");
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        SyncConnections.Connection connection = connections.closed(session);
        if (connection == null) {
            return;
        }
        String why = reason == null ? "closed" : "close code " + reason.getCloseCode().getCode();
        try {
            connection.conversation.closed(why);
        } finally {
            Long integrationId = connection.integrationId;
            if (integrationId != null && connections.ofIntegration(integrationId, connection).isEmpty()) {
                service.disconnected(integrationId);
                LOG.info(() -> "Sync connector of integration " + integrationId + " disconnected (" + why + ")");
            }
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "Sync socket failed", error);
    }
}
