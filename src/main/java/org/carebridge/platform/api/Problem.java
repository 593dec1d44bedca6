package org.carebridge.platform.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error answer of the client API in the shape of RFC 9457 ("problem details"): a stable
 * {@code type} a client can switch on, a short {@code title}, the HTTP {@code status}, and a
 * {@code detail} for people. Never a stack trace, never a private value.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    /** Problem types are relative URIs under this prefix, e.g. {@code /problems/invalid-token}. */
    public static final String TYPE_PREFIX = "/problems/";

    public static Problem of(Response.Status status, String type, String title, String detail) {
        return new Problem(TYPE_PREFIX + type, title, status.getStatusCode(), detail);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
