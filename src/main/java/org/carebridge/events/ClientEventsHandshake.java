package org.carebridge.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import org.carebridge.access.ClientSession;
import org.carebridge.access.ClientTokens;

/**
 * Authenticates the client event socket's handshake with the access token, through
 * {@link ClientTokens#active} like every client entry point, and records whose socket it is in
 * the connection's own user properties (a per-connection copy since WebSocket 2.1).
 */
public class ClientEventsHandshake extends ServerEndpointConfig.Configurator {

    /** The subprotocol the server selects; clients offer it next to {@code bearer.<token>}. */
    public static final String PROTOCOL = "carebridge.v1";
    static final String BEARER_PROTOCOL = "bearer.";
    static final String TOKEN_PARAMETER = "access_token";
    static final String USER_ID = "carebridge.userId";
    static final String SESSION_ID = "carebridge.sessionId";
    static final String DEVICE_ID = "carebridge.deviceId";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, List<String>> headers = request.getHeaders();
        List<String> protocols = headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL))
                .flatMap(e -> e.getValue().stream()).toList();
        String query = request.getParameterMap().getOrDefault(TOKEN_PARAMETER, List.of()).stream().findFirst()
                .orElse(null);
        tokenOf(protocols, query).flatMap(token -> CDI.current().select(ClientTokens.class).get().active(token))
                .ifPresent(session -> remember(config, session));
    }

    private static void remember(ServerEndpointConfig config, ClientSession session) {
        config.getUserProperties().put(USER_ID, session.getUser().getId());
        config.getUserProperties().put(SESSION_ID, session.getId());
        config.getUserProperties().put(DEVICE_ID, session.getDevice().getId());
    }

    /** The token from a {@code bearer.<token>} subprotocol, else from the query parameter. */
    static Optional<String> tokenOf(List<String> protocolHeaders, String queryToken) {
        for (String header : protocolHeaders) {
            for (String protocol : header.split(",")) {
                String p = protocol.strip();
                if (p.regionMatches(true, 0, BEARER_PROTOCOL, 0, BEARER_PROTOCOL.length())) {
                    return Optional.of(p.substring(BEARER_PROTOCOL.length()));
                }
            }
        }
        return Optional.ofNullable(queryToken).filter(t -> !t.isBlank());
    }
}
