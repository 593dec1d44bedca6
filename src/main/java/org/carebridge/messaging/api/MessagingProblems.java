package org.carebridge.messaging.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.carebridge.messaging.MessagingRefusedException;
import org.carebridge.platform.api.Problem;

/** Messaging refusals as problem answers; unreachable recipients are named so a client can point at them. */
@Provider
public class MessagingProblems implements ExceptionMapper<MessagingRefusedException> {

    /** 422 {@code /problems/recipient-not-reachable}, with the ids the sender may not write to. */
    public record UnreachableProblem(String type, String title, int status, String detail,
            List<Long> unreachableUsers, List<Long> unreachableGroups) {
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
        };
    }
}
