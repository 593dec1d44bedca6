package org.carebridge.platform.api;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every error of the client API as an RFC 9457 problem (application/problem+json): malformed
 * JSON, wrong types and unknown fields (400 {@code malformed-body}), Bean Validation (400
 * {@code invalid-request} naming the fields), JAX-RS errors by their status (404
 * {@code not-found}, 405 {@code method-not-allowed}, ...), and anything unexpected as 500
 * {@code internal-error} with a reference that is also in the log. Never a stack trace.
 */
public final class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());

    private ApiExceptionMappers() {
    }

    static Response malformedBody() {
        return Problem.of(Response.Status.BAD_REQUEST, "malformed-body", "Malformed request body",
                "The body is not JSON of the expected shape: check the syntax, the field names and their types.")
                .toResponse();
    }

    /** Whether {@code failure} came from reading a JSON body. */
    static boolean isJsonProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static Response internalError(Throwable failure) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Client API error " + reference, failure);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong",
                "The server could not answer this request. Reference: " + reference).toResponse();
    }

    /** JAX-RS's own errors (no such path, method not allowed, unsupported type, ...) by their status. */
    @Provider
    public static class WebApplicationErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            if (original.hasEntity()) {
                return original;
            }
            int status = original.getStatus();
            if (status == 400 && isJsonProblem(e)) {
                return malformedBody();
            }
            if (status == 400 && hasCause(e, NoContentException.class)) {
                return FieldProblem.of(List.of(new FieldProblem.FieldError("body", "a JSON body is required")))
                        .toResponse();
            }
            if (status >= 500) {
                return internalError(e);
            }
            Response.StatusType type = original.getStatusInfo();
            Problem problem = switch (status) {
                case 400 -> Problem.of(Response.Status.BAD_REQUEST, "bad-request", "Bad request",
                        "The request could not be understood.");
                case 404 -> Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found",
                        "There is nothing at this address.");
                case 405 -> Problem.of(Response.Status.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                        "This address does not accept this HTTP method.");
                case 406 -> Problem.of(Response.Status.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                        "This address answers application/json only.");
                case 415 -> Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                        "Unsupported media type", "Send the body as application/json.");
                default -> new Problem(Problem.TYPE_PREFIX + "http-" + status, type.getReasonPhrase(), status,
                        type.getReasonPhrase());
            };
            Response.ResponseBuilder answer = Response.fromResponse(problem.toResponse());
            if (e instanceof NotAllowedException) {
                answer.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
            }
            return answer.build();
        }
    }

    /** Jersey reports a body JSON-B could not read as a ProcessingException. */
    @Provider
    public static class ProcessingErrors implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return isJsonProblem(e) ? malformedBody() : internalError(e);
        }
    }

    @Provider
    public static class JsonbErrors implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return malformedBody();
        }
    }

    /** Bean Validation on resource parameters: 400 naming each field and its rule. */
    @Provider
    public static class ValidationErrors implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<FieldProblem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new FieldProblem.FieldError(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldProblem.FieldError::field))
                    .toList();
            return FieldProblem.of(errors).toResponse();
        }

        /** "device.deviceKey" rather than "signIn.request.device.deviceKey", "body" for the body itself. */
        private static String field(ConstraintViolation<?> violation) {
            StringBuilder name = new StringBuilder();
            int index = 0;
            for (Path.Node node : violation.getPropertyPath()) {
                // method name and parameter name come first for parameters
                if (index++ < 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                        || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                    continue;
                }
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
            return name.isEmpty() ? "body" : name.toString();
        }
    }

    /** Anything else: 500 without details; the log has the stack trace under the reference. */
    @Provider
    public static class UnexpectedErrors implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof WebApplicationException web) {
                return new WebApplicationErrors().toResponse(web);
            }
            return isJsonProblem(e) ? malformedBody() : internalError(e);
        }
    }
}
