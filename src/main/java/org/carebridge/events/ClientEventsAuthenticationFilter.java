package org.carebridge.events;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.carebridge.access.ClientTokens;
import org.carebridge.platform.api.Problem;

/**
 * Refuses a client event socket handshake without an active access token with 401 and a problem
 * body, before the connection is upgraded: a client can tell "sign in again" from a network
 * failure. Declared filters run before the container's WebSocket upgrade filter.
 */
@WebFilter(urlPatterns = "/api/v1/events")
public class ClientEventsAuthenticationFilter extends HttpFilter {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    ClientTokens tokens;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        List<String> protocols = Collections.list(request.getHeaders("Sec-WebSocket-Protocol"));
        boolean signedIn = ClientEventsHandshake.tokenOf(protocols,
                request.getParameter(ClientEventsHandshake.TOKEN_PARAMETER)).flatMap(tokens::active).isPresent();
        if (!signedIn) {
            Problem problem = Problem.of(jakarta.ws.rs.core.Response.Status.UNAUTHORIZED, "invalid-token",
                    "Sign in again", "The access token is missing, expired or revoked.");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType(Problem.MEDIA_TYPE.toString());
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.toJson(problem));
            return;
        }
        chain.doFilter(request, response);
    }
}
