package org.carebridge.events;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The client event socket, {@code /api/v1/events}: one per signed-in client, server to client,
 * JSON {@link ClientEvent}s ({@code {"type": ..., "payload": ...}}). The handshake must carry an
 * access token, either as the subprotocol {@code bearer.<token>} next to
 * {@value ClientEventsHandshake#PROTOCOL} (preferred: it stays out of URLs and logs) or as
 * {@code ?access_token=<token>}; {@link ClientEventsHandshake} checks it with the same lookup as
 * the REST API and refuses the upgrade with 401 otherwise.
 */
@ServerEndpoint(value = "/api/v1/events", subprotocols = ClientEventsHandshake.PROTOCOL,
        configurator = ClientEventsHandshake.class)
public class ClientEventsEndpoint {

    private static final Logger LOG = Logger.getLogger(ClientEventsEndpoint.class.getName());

    @Inject
    ConnectedClients clients;

    @OnOpen
    public void open(Session session) throws IOException {
        Object userId = session.getUserProperties().get(ClientEventsHandshake.USER_ID);
        if (!(userId instanceof Long id)) {
            // The handshake filter refuses these first; this is the second line of defence.
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Sign in again"));
            return;
        }
        // Idle sockets are closed after an hour; clients reconnect and sync their directory.
        session.setMaxIdleTimeout(60L * 60 * 1000);
        clients.opened(id, session);
    }

    @OnClose
    public void close(Session session) {
        if (session.getUserProperties().get(ClientEventsHandshake.USER_ID) instanceof Long id) {
            clients.closed(id, session);
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "Client event socket failed", error);
        close(session);
    }
}
