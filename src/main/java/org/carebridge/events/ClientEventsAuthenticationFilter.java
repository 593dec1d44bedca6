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

import org.carebridge.access.ClientContact;
import org.carebridge.platform.api.Problem;
import org.carebridge.platform.api.WipeProblem;

/**
 * Admits a client event socket handshake through {@link ClientContact#admit} like every REST
 * call, before the connection is upgraded: without an active token 401, a device with a remote
 * wipe pending gets its wipe instruction (410), a temporary PIN 403 — each with a problem body,
 * so a client can tell them from a network failure. Declared filters run before the container's WebSocket upgrade filter.
 */
@WebFilter(urlPatterns = "/api/v1/events")
public class ClientEventsAuthenticationFilter extends HttpFilter {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    ClientContact contact;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            // GET /api/v1/events over plain HTTP is the REST resource, authenticated like every REST call.
            chain.doFilter(request, response);
            return;
        }
        List<String> protocols = Collections.list(request.getHeaders("Sec-WebSocket-Protocol"));
        String token = ClientEventsHandshake.tokenOf(protocols,
                request.getParameter(ClientEventsHandshake.TOKEN_PARAMETER)).orElse(null);
        // The same entry check as every REST call: wipe instructions, temporary PINs, activity.
        ClientContact.Admission admission = contact.admit(token);
        if (admission instanceof ClientContact.Admitted admitted && !admitted.pinChangeRequired()) {
            chain.doFilter(request, response);
            return;
        }
        Object problem;
        int status;
        if (admission instanceof ClientContact.WipeRequired wipe) {
            WipeProblem instruction = WipeProblem.of(wipe.instruction().deviceKey(), wipe.instruction().confirmation());
            problem = instruction;
            status = instruction.status();
        } else if (admission instanceof ClientContact.Admitted) {
            Problem pinChange = Problem.of(jakarta.ws.rs.core.Response.Status.FORBIDDEN, "pin-change-required",
                    "Change your PIN", "This PIN is temporary. Choose a new PIN before doing anything else.");
            problem = pinChange;
            status = pinChange.status();
        } else {
            Problem signIn = Problem.of(jakarta.ws.rs.core.Response.Status.UNAUTHORIZED, "invalid-token",
                    "Sign in again", "The access token is missing, expired or revoked.");
            problem = signIn;
            status = signIn.status();
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(problem));
    }
}
