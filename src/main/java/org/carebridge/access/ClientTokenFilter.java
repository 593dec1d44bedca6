package org.carebridge.access;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.carebridge.access.ClientContact.Admission;
import org.carebridge.access.ClientContact.Admitted;
import org.carebridge.access.ClientContact.WipeRequired;
import org.carebridge.platform.api.ClientAuthenticated;
import org.carebridge.platform.api.Problem;
import org.carebridge.platform.api.TemporaryPinAllowed;
import org.carebridge.platform.api.WipeProblem;

/**
 * Lets a request to a {@link ClientAuthenticated} resource through only with the bearer token of
 * an active client session, and tells {@link ClientCaller} whose it is. Unknown, expired and
 * revoked tokens get the same 401, so an answer never tells them apart. Through
 * {@link ClientContact#admit} every contact also records device activity and delivers a pending
 * remote wipe (410). A session whose PIN is temporary may only call
 * {@link TemporaryPinAllowed} methods (403 otherwise).
 */
@Provider
@ClientAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class ClientTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    ClientContact contact;

    @Inject
    ClientCaller caller;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()) : null;
        Admission admission = token == null ? new ClientContact.Refused() : contact.admit(token);
        if (admission instanceof WipeRequired wipe) {
            request.abortWith(WipeProblem.of(wipe.instruction().deviceKey(), wipe.instruction().confirmation())
                    .toResponse());
            return;
        }
        if (!(admission instanceof Admitted admitted)) {
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "invalid-token",
                            "Sign in again", "The access token is missing, expired or revoked.").toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            return;
        }
        if (admitted.pinChangeRequired() && !temporaryPinAllowed()) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN, "pin-change-required", "Change your PIN",
                    "You signed in with a temporary PIN. Choose a new PIN before doing anything else.").toResponse());
            return;
        }
        caller.signedIn(admitted.session());
    }

    private boolean temporaryPinAllowed() {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method != null && method.isAnnotationPresent(TemporaryPinAllowed.class);
    }
}
