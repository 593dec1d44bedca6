package org.carebridge.platform.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** A 400 problem naming the fields that broke a rule (an extension member {@code errors}). */
public record FieldProblem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String TYPE = Problem.TYPE_PREFIX + "invalid-request";

    public record FieldError(String field, String message) {
    }

    public static FieldProblem of(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid.");
        return new FieldProblem(TYPE, "Invalid request", 400, detail, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(this).build();
    }
}
