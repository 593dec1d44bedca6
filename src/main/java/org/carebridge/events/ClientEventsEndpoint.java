package org.carebridge.events;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The client event socket, {@code /api/v1/events}: one per signed-in client. The server sends
 * JSON {@link ClientEvent}s ({@code {"type": ..., "sequence": ..., "payload": ...}}); the client
 * sends {@code {"type": "ack", "sequence": N}} once it has processed events up to N, and may send
 * {@code {"type": "ping"}} (answered {@code pong}) to check the connection. Connecting with
 * {@code ?after=N} replays every logged event after N first. The handshake must carry an access
 * token, either as the subprotocol {@code bearer.<token>} next to
 * {@value ClientEventsHandshake#PROTOCOL} (preferred: it stays out of URLs and logs) or as
 * {@code ?access_token=<token>}; {@link ClientEventsAuthenticationFilter} refuses it otherwise.
 * A frame the server cannot understand closes the socket with a reason saying why.
 */
@ServerEndpoint(value = "/api/v1/events", subprotocols = ClientEventsHandshake.PROTOCOL,
        configurator = ClientEventsHandshake.class)
public class ClientEventsEndpoint {

    private static final Logger LOG = Logger.getLogger(ClientEventsEndpoint.class.getName());
    /** Client frames are tiny (an acknowledgement); anything bigger is refused by the container. */
    static final int MAX_FRAME = 1024;
    static final String AFTER_PARAMETER = "after";

    @Inject
    ConnectedClients clients;

    @Inject
    EventStreams streams;

    @Inject
    EventLog log;

    @OnOpen
    public void open(Session session) throws IOException {
        Object userId = session.getUserProperties().get(ClientEventsHandshake.USER_ID);
        if (!(userId instanceof Long id)) {
            // The handshake filter refuses these first; this is the second line of defence.
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Sign in again"));
            return;
        }
        Long after;
        try {
            after = afterOf(session.getRequestParameterMap().get(AFTER_PARAMETER));
        } catch (IllegalArgumentException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, e.getMessage()));
            return;
        }
        // Idle sockets are closed after an hour; clients reconnect with ?after= and miss nothing.
        session.setMaxIdleTimeout(60L * 60 * 1000);
        clients.opened(id, session);
        streams.open(session, id, after);
    }

    static Long afterOf(List<String> values) {
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        try {
            long after = Long.parseLong(values.get(0).strip());
            if (after < 0) {
                throw new NumberFormatException();
            }
            return after;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("after must be the last sequence number the client saw");
        }
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void frame(Session session, String text) throws IOException {
        if (!(session.getUserProperties().get(ClientEventsHandshake.USER_ID) instanceof Long userId)) {
            return;
        }
        ClientFrame frame;
        try {
            frame = ClientFrame.parse(text);
        } catch (IllegalArgumentException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, e.getMessage()));
            return;
        }
        switch (frame.type()) {
            case ClientFrame.PING -> session.getAsyncRemote().sendText("{\"type\":\"pong\"}");
            case ClientFrame.ACK -> {
                try {
                    log.acknowledge(userId, frame.sequence());
                } catch (IllegalArgumentException e) {
                    session.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, e.getMessage()));
                }
            }
            default -> throw new IllegalStateException(frame.type());
        }
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

    /** A frame a client may send: {@code ack} with a sequence, or {@code ping}. */
    record ClientFrame(String type, long sequence) {

        static final String ACK = "ack";
        static final String PING = "ping";

        /** @throws IllegalArgumentException saying what is wrong, short enough for a close reason */
        static ClientFrame parse(String text) {
            JsonObject json;
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                json = reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                throw new IllegalArgumentException("Malformed frame: not a JSON object");
            }
            JsonValue type = json.get("type");
            if (type == null || type.getValueType() != JsonValue.ValueType.STRING) {
                throw new IllegalArgumentException("Malformed frame: no type");
            }
            String name = json.getString("type");
            if (PING.equals(name)) {
                return new ClientFrame(PING, 0);
            }
            if (!ACK.equals(name)) {
                throw new IllegalArgumentException("Unknown frame type");
            }
            JsonValue sequence = json.get("sequence");
            if (!(sequence instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0) {
                throw new IllegalArgumentException("Malformed ack: sequence must be a whole number");
            }
            return new ClientFrame(ACK, number.longValueExact());
        }
    }
}
