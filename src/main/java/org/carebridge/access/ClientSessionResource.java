package org.carebridge.access;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carebridge.access.ClientApiTypes.LoginRequest;
import org.carebridge.access.ClientApiTypes.PinChange;
import org.carebridge.access.ClientApiTypes.SessionAnswer;
import org.carebridge.platform.api.ClientAuthenticated;
import org.carebridge.platform.api.Problem;
import org.carebridge.platform.api.TemporaryPinAllowed;
import org.carebridge.platform.api.WipeProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Client sign-in with e-mail and PIN, the session, PIN change and sign-out. */
@Path("v1/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session", description = "Sign in with e-mail + PIN, change the PIN, sign out")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The accessToken of POST /api/v1/session")
public class ClientSessionResource {

    static final String LOGIN_EXAMPLE = """
            {"email": "jane.doe@riverside.test", "pin": "4821",
             "device": {"deviceKey": "6f1c2a8e-3b7d-4e59-9a0c-1d2e3f4a5b6c", "platform": "ios",
                        "name": "Jane's iPhone", "pushProvider": "apns", "pushToken": "80f3c2d1e4"}}""";
    static final String SESSION_EXAMPLE = """
            {"accessToken": "q0bX3n4r9GZkYq2m7c1uT8pW5eHj6sLdAaVfKoRiNzE", "tokenType": "Bearer",
             "expiresAt": "2026-11-25T00:00:00Z", "pinTemporary": false,
             "user": {"id": 1051, "staffId": "101051", "title": "Dr.", "firstName": "Jane", "lastName": "Doe",
                      "credentials": "MD", "jobTitle": "Hospitalist", "email": "jane.doe@riverside.test",
                      "status": "AVAILABLE"},
             "organization": {"id": 1001, "name": "Riverside General Hospital", "messageExpirationMinutes": 10080,
                              "highPrioritySoundSeconds": 30, "nonUserMessaging": false,
                              "wholeOrganizationMessaging": true},
             "deviceKey": "6f1c2a8e-3b7d-4e59-9a0c-1d2e3f4a5b6c"}""";
    static final String LOGIN_FAILED_EXAMPLE = """
            {"type": "/problems/login-failed", "title": "Sign-in failed", "status": 401,
             "detail": "The e-mail address or PIN is not right."}""";
    static final String WAIT_EXAMPLE = """
            {"type": "/problems/too-many-attempts", "title": "Wait before trying again", "status": 429,
             "detail": "Too many wrong PINs. Try again in 180 seconds."}""";
    static final String WIPE_EXAMPLE = """
            {"type": "/problems/device-wipe", "title": "Wipe this device", "status": 410,
             "detail": "An administrator asked to remove Carebridge data from this device. Delete all local data, then confirm the wipe.",
             "deviceKey": "6f1c2a8e-3b7d-4e59-9a0c-1d2e3f4a5b6c",
             "wipeConfirmation": "Jm3dX0kq7Qe1sV9uYb2cR5tW8zLh4nPaGfCiOeDjKxA"}""";

    @Inject
    ClientLogin login;

    @Inject
    ClientCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with e-mail and PIN",
            description = "Registers or updates the device and opens a session. Wrong PIN, unknown address, disabled"
                    + " and locked accounts all answer the same 401. After the 5th consecutive wrong PIN each further"
                    + " attempt must wait 3 minutes (429 with Retry-After, not counted); the 10th locks the account.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LoginRequest.class),
            examples = @ExampleObject(name = "login", value = LOGIN_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionAnswer.class),
                    examples = @ExampleObject(name = "session", value = SESSION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed body or a field breaks its rule (problem+json)")
    @APIResponse(responseCode = "401", description = "Sign-in failed",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "login-failed", value = LOGIN_FAILED_EXAMPLE)))
    @APIResponse(responseCode = "410", description = "This device must wipe itself",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "device-wipe", value = WIPE_EXAMPLE)))
    @APIResponse(responseCode = "429", description = "Too early after repeated wrong PINs",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "seconds to wait"),
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "too-many-attempts", value = WAIT_EXAMPLE)))
    public Response signIn(@NotNull @Valid LoginRequest request) {
        return answer(login.login(request.email(), request.pin(), request.device()));
    }

    @GET
    @ClientAuthenticated
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The current session", description = "The session answer without the access token.")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionAnswer.class)))
    @APIResponse(responseCode = "401", description = "Token missing, expired or revoked")
    public SessionAnswer current() {
        return login.describe(caller.session());
    }

    @PUT
    @Path("pin")
    @Consumes(MediaType.APPLICATION_JSON)
    @ClientAuthenticated
    @TemporaryPinAllowed
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change the PIN",
            description = "The new PIN must be 4 digits, not one digit four times, and differ from the current one."
                    + " A wrong current PIN counts like a failed sign-in (same waits and lock).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PinChange.class),
            examples = @ExampleObject(name = "change", value = "{\"currentPin\": \"4821\", \"newPin\": \"7305\"}")))
    @APIResponse(responseCode = "204", description = "Changed; a temporary PIN is now permanent")
    @APIResponse(responseCode = "400", description = "The new PIN breaks a rule (/problems/invalid-pin)")
    @APIResponse(responseCode = "403", description = "The current PIN is wrong (/problems/wrong-pin)")
    @APIResponse(responseCode = "429", description = "Too early after repeated wrong PINs")
    public Response changePin(@NotNull @Valid PinChange change) {
        return answer(login.changePin(caller.session(), change.currentPin(), change.newPin()));
    }

    @DELETE
    @ClientAuthenticated
    @TemporaryPinAllowed
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Sign out", description = "Ends this session; the token stops working at once.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response signOut() {
        login.logout(caller.session());
        return Response.noContent().build();
    }

    private static Response answer(ClientLogin.Outcome outcome) {
        if (outcome instanceof ClientLogin.SignedIn in) {
            return Response.ok(in.answer()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        if (outcome instanceof ClientLogin.Wait wait) {
            return Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS, "too-many-attempts",
                            "Wait before trying again",
                            "Too many wrong PINs. Try again in " + wait.retryAfterSeconds() + " seconds.").toResponse())
                    .header(HttpHeaders.RETRY_AFTER, wait.retryAfterSeconds()).build();
        }
        if (outcome instanceof ClientLogin.Wipe wipe) {
            return WipeProblem.of(wipe.instruction().deviceKey(), wipe.instruction().confirmation()).toResponse();
        }
        if (outcome instanceof ClientLogin.PinChanged) {
            return Response.noContent().build();
        }
        if (outcome instanceof ClientLogin.WrongPin) {
            return Problem.of(Response.Status.FORBIDDEN, "wrong-pin", "Wrong PIN", "The current PIN is not right.")
                    .toResponse();
        }
        if (outcome instanceof ClientLogin.PinRejected rejected) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-pin", "Choose another PIN", rejected.reason())
                    .toResponse();
        }
        return Problem.of(Response.Status.UNAUTHORIZED, "login-failed", "Sign-in failed",
                "The e-mail address or PIN is not right.").toResponse();
    }
}
