package org.carebridge.events;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carebridge.access.ClientCaller;
import org.carebridge.platform.api.ClientAuthenticated;
import org.carebridge.platform.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The event log over plain HTTP, for clients that cannot keep a socket (an app woken by a push
 * notification): the same events, numbers and acknowledgement as {@code /api/v1/events} over
 * WebSocket.
 */
@Path("v1/events")
@ClientAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "The signed-in user's event log: messages, receipts, responses, expiry")
@SecurityRequirement(name = "accessToken")
@APIResponse(responseCode = "401", description = "No active access token",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class EventsResource {

    static final int MAX_LIMIT = 500;

    @Inject
    ClientCaller caller;

    @Inject
    EventLog log;

    /** A page of logged events; {@code resync} true means: reload conversations, then continue from {@code lastSequence}. */
    public record EventPage(java.util.List<ClientEvent> events, long lastSequence, boolean resync) {
    }

    /** Everything up to {@code sequence} was processed. */
    public record Acknowledgement(Long sequence) {
    }

    @GET
    @Operation(summary = "Events after a sequence number, in order",
            description = "At most limit events after 'after'. When the log no longer reaches back that far the answer"
                    + " is empty with resync true: reload conversations over REST and continue from lastSequence.")
    @APIResponse(responseCode = "200", description = "Events in sequence order",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    @APIResponse(responseCode = "400", description = "after or limit out of range")
    public EventPage events(@Parameter(description = "The last sequence number the client processed", required = true)
            @QueryParam("after") Long after,
            @Parameter(description = "1 to " + MAX_LIMIT + "; default 100") @QueryParam("limit") Integer limit) {
        if (after == null || after < 0) {
            throw invalid("after must be the last sequence number the client processed (0 for none).");
        }
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw invalid("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        EventLog.Batch batch = log.after(caller.userId(), after, max);
        return new EventPage(batch.events(), batch.lastSequence(), batch.resyncNeeded());
    }

    @POST
    @Path("ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge events up to a sequence number",
            description = "Messages among them count as delivered (their senders see it). Acknowledging an older"
                    + " number again changes nothing.")
    @APIResponse(responseCode = "204", description = "Acknowledged")
    @APIResponse(responseCode = "400", description = "A sequence number the user was never given")
    public Response acknowledge(Acknowledgement acknowledgement) {
        if (acknowledgement == null || acknowledgement.sequence() == null) {
            throw invalid("Say up to which sequence number in \"sequence\".");
        }
        try {
            log.acknowledge(caller.userId(), acknowledgement.sequence());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return Response.noContent().build();
    }

    private static WebApplicationException invalid(String detail) {
        return new WebApplicationException(detail,
                Problem.of(Response.Status.BAD_REQUEST, "invalid-request", "Invalid request", detail).toResponse());
    }
}
