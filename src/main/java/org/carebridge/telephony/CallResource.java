package org.carebridge.telephony;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carebridge.access.ClientCaller;
import org.carebridge.platform.api.ClientAuthenticated;
import org.carebridge.platform.api.Problem;
import org.carebridge.telephony.CallApiTypes.CallAnswer;
import org.carebridge.telephony.CallApiTypes.CallOrder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Masked calls: {@code POST /api/v1/calls}. */
@Path("v1/calls")
@ClientAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calls", description = "Call a person of the directory without either side seeing the other's number")
@SecurityRequirement(name = "accessToken")
@APIResponse(responseCode = "401", description = "No active access token",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class CallResource {

    static final String ANSWER_EXAMPLE = """
            {"callId": 1042, "calleeId": 1102, "state": "PLACED", "voiceNumber": "(617) 555-0101",
             "requestedAt": "2026-11-24T12:00:00Z"}""";
    static final String NO_CELL_EXAMPLE = """
            {"type": "/problems/no-cell-number", "title": "No cell number", "status": 409,
             "detail": "A call rings your own phone first, and your profile has no cell number. Add it to your profile, or ask your administrator. Reference: call 1043."}""";
    /** Seconds a client should wait after the voice service did not answer. */
    static final int RETRY_AFTER_SECONDS = 30;

    @Inject
    CallService calls;

    @Inject
    ClientCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Call a person of the directory through the organization's voice number",
            description = "The voice service rings the caller's cell phone; when the caller answers it rings the callee"
                    + " (a native user's cell phone, or a synced badge user's guest access number and extension)."
                    + " Both sides see only the caller organization's voice number. The answer never contains"
                    + " either private number.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CallOrder.class),
            examples = @ExampleObject(name = "call", value = "{\"calleeId\": 1102}")))
    @APIResponse(responseCode = "202", description = "The voice service is placing the call",
            content = @Content(schema = @Schema(implementation = CallAnswer.class),
                    examples = @ExampleObject(name = "placed", value = ANSWER_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No calleeId, or the caller's own id (/problems/invalid-callee)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person in the caller's directory (unknown, another"
            + " organization's, or not reachable)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The call cannot be placed: /problems/no-cell-number (the caller"
            + " has none), /problems/no-callee-number, /problems/no-voice-number",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no-cell-number", value = NO_CELL_EXAMPLE)))
    @APIResponse(responseCode = "502", description = "The voice service refused the call (/problems/call-refused)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The voice service did not answer; try again after Retry-After"
            + " seconds (/problems/voice-service-unavailable)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response call(@NotNull @Valid CallOrder order) {
        CallRequest request;
        try {
            request = calls.request(caller.userId(), order.calleeId);
        } catch (CallRefusedException e) {
            return switch (e.reason()) {
                case UNKNOWN_CALLEE -> Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found", e.getMessage())
                        .toResponse();
                case SELF -> Problem.of(Response.Status.BAD_REQUEST, "invalid-callee", "Invalid callee", e.getMessage())
                        .toResponse();
            };
        }
        String reference = " Reference: call " + request.getId() + ".";
        return switch (request.getOutcome()) {
            case PLACED -> Response.accepted(CallAnswer.of(request)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
            case NO_CELL_NUMBER -> Problem.of(Response.Status.CONFLICT, "no-cell-number", "No cell number",
                    "A call rings your own phone first, and your profile has no cell number. Add it to your profile,"
                            + " or ask your administrator." + reference).toResponse();
            case NO_VOICE_NUMBER -> Problem.of(Response.Status.CONFLICT, "no-voice-number", "No voice number",
                    "Your organization has no voice number to show, so calls cannot be masked. Ask your administrator."
                            + reference).toResponse();
            case NO_CALLEE_NUMBER -> Problem.of(Response.Status.CONFLICT, "no-callee-number", "No number to call",
                    "This person has no number Carebridge can call. Send a message instead." + reference).toResponse();
            case REFUSED_BY_SERVICE -> Problem.of(Response.Status.BAD_GATEWAY, "call-refused", "Call not placed",
                    "The voice service refused this call." + reference).toResponse();
            case SERVICE_UNAVAILABLE, REQUESTED -> Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                            "voice-service-unavailable", "Voice service unavailable",
                            "The voice service is not answering. Try again in a moment." + reference).toResponse())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        };
    }
}
