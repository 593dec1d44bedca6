package org.carebridge.directory;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carebridge.access.ClientCaller;
import org.carebridge.platform.api.ClientAuthenticated;
import org.carebridge.platform.api.Problem;
import org.carebridge.user.PresenceStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code PUT /api/v1/presence}: the signed-in user's status, sent to connected contacts at once. */
@Path("v1/presence")
@ClientAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Directory")
@SecurityRequirement(name = "accessToken")
public class PresenceResource {

    /** The body of {@code PUT /api/v1/presence} and its answer. */
    @Schema(name = "PresenceUpdate")
    public record PresenceBody(
            @Schema(description = "Available, Busy, Unavailable or None", required = true,
                    enumeration = {"Available", "Busy", "Unavailable", "None"}, example = "Busy")
            String status) {
    }

    @Inject
    Presence presence;

    @Inject
    ClientCaller caller;

    @PUT
    @Operation(summary = "Set the signed-in user's presence status",
            description = "Connected users who may reach the caller receive a presence event on /api/v1/events"
                    + " at once; others see it in their next directory sync.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PresenceBody.class),
            examples = @ExampleObject(name = "busy", value = "{\"status\": \"Busy\"}")))
    @APIResponse(responseCode = "200", description = "The status now set",
            content = @Content(schema = @Schema(implementation = PresenceBody.class)))
    @APIResponse(responseCode = "400", description = "Not one of the four statuses",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No active access token",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public PresenceBody set(PresenceBody body) {
        PresenceStatus status = Presence.parse(body == null ? null : body.status())
                .orElseThrow(() -> new WebApplicationException(Problem.of(Response.Status.BAD_REQUEST,
                        "invalid-parameter", "Invalid parameter",
                        "status must be one of Available, Busy, Unavailable or None.").toResponse()));
        return new PresenceBody(presence.set(caller.user(), status).label());
    }
}
