package org.carebridge.access;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.carebridge.platform.api.ClientAuthenticated;
import org.carebridge.platform.api.Problem;

/**
 * Lets a request to a {@link ClientAuthenticated} resource through only with the bearer token of
 * an active client session, and tells {@link ClientCaller} whose it is. Unknown, expired and
 * revoked tokens get the same 401, so an answer never tells them apart.
 */
@Provider
@ClientAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class ClientTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    ClientTokens tokens;

    @Inject
    ClientCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<ClientSession> session = Optional.ofNullable(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .filter(header -> header.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(header -> header.substring(BEARER.length()))
                .flatMap(tokens::active);
        if (session.isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "invalid-token",
                            "Sign in again", "The access token is missing, expired or revoked.").toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            return;
        }
        caller.signedIn(session.get());
    }
}
