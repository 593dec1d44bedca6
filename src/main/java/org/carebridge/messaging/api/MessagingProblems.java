package org.carebridge.messaging.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.carebridge.messaging.MessagingRefusedException;
import org.carebridge.platform.api.Problem;

/**
 * Messaging refusals as problem answers; unreachable recipients and malformed non-user addresses
 * are named so a client can point at them.
 */
@Provider
public class MessagingProblems implements ExceptionMapper<MessagingRefusedException> {

    /** 422 {@code /problems/recipient-not-reachable}, with the ids the sender may not write to. */
    public record UnreachableProblem(String type, String title, int status, String detail,
            List<Long> unreachableUsers, List<Long> unreachableGroups) {
    }

    /** 422 {@code /problems/non-user-address-invalid}, with the addresses as the sender typed them. */
    public record InvalidAddressProblem(String type, String title, int status, String detail,
            List<String> invalidAddresses) {
    }

    @Override
    public Response toResponse(MessagingRefusedException e) {
        return switch (e.reason()) {
            case INVALID -> Problem.of(Response.Status.BAD_REQUEST, "invalid-request", "Invalid request",
                    e.getMessage()).toResponse();
            case NOT_FOUND -> Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found", e.getMessage())
                    .toResponse();
            case CLIENT_ID_REUSED -> Problem.of(Response.Status.CONFLICT, "client-message-id-reused",
                    "Client message id already used", e.getMessage()).toResponse();
            case CONFLICT -> Problem.of(Response.Status.CONFLICT, "message-state", "Not possible now", e.getMessage())
                    .toResponse();
            case NOT_REACHABLE -> Response.status(422).type(Problem.MEDIA_TYPE)
                    .entity(new UnreachableProblem(Problem.TYPE_PREFIX + "recipient-not-reachable",
                            "Recipient not reachable", 422, e.getMessage(), e.unreachableUsers(),
                            e.unreachableGroups()))
                    .build();
            case NON_USERS_NOT_ALLOWED -> Response.status(422).type(Problem.MEDIA_TYPE)
                    .entity(new Problem(Problem.TYPE_PREFIX + "non-users-not-allowed", "Messages to non-users are off",
                            422, e.getMessage()))
                    .build();
            case NON_USER_ADDRESS_INVALID -> Response.status(422).type(Problem.MEDIA_TYPE)
                    .entity(new InvalidAddressProblem(Problem.TYPE_PREFIX + "non-user-address-invalid",
                            "Not an e-mail address or mobile number", 422, e.getMessage(), e.invalidAddresses()))
                    .build();
            case TOO_MANY_NON_USERS -> Response.status(422).type(Problem.MEDIA_TYPE)
                    .entity(new Problem(Problem.TYPE_PREFIX + "too-many-non-users", "Too many non-users", 422,
                            e.getMessage()))
                    .build();
        };
    }
}
