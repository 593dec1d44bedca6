package org.carebridge.device;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carebridge.access.ClientApiTypes.WipeConfirmation;
import org.carebridge.access.ClientCaller;
import org.carebridge.access.ClientContact;
import org.carebridge.platform.api.ClientAuthenticated;
import org.carebridge.platform.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in user's own device list, and the device's side of a remote wipe. The wipe
 * confirmation is unauthenticated (the device's sessions ended with the wipe instruction), but
 * only the code handed out with that instruction confirms it.
 */
@Path("v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices", description = "The signed-in user's devices; remote wipe confirmation")
public class ClientDeviceResource {

    @Inject
    ClientContact contact;

    @Inject
    ClientCaller caller;

    @Inject
    DeviceService devices;

    @GET
    @ClientAuthenticated
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The signed-in user's devices",
            description = "Every device the user has signed in from, most recently active first, with whether a"
                    + " session is open on it now and which one is making the request. Device keys and push tokens"
                    + " are never part of the answer.")
    @APIResponse(responseCode = "200", description = "The devices",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = OwnDevice.class)))
    @APIResponse(responseCode = "401", description = "Token missing, expired or revoked")
    public List<OwnDevice> ownDevices() {
        return devices.ownDevices(caller.user(), caller.device().getId());
    }

    @POST
    @Path("{deviceKey}/wiped")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a remote wipe",
            description = "After a 410 /problems/device-wipe answer the app deletes its data and confirms with the"
                    + " wipeConfirmation code of that answer. The device then shows as wiped and an administrator"
                    + " may delete its information.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WipeConfirmation.class),
            examples = @ExampleObject(name = "confirm",
                    value = "{\"confirmation\": \"Jm3dX0kq7Qe1sV9uYb2cR5tW8zLh4nPaGfCiOeDjKxA\"}")))
    @APIResponse(responseCode = "204", description = "Wipe confirmed")
    @APIResponse(responseCode = "404", description = "No pending wipe with this device key and code (/problems/not-found)")
    public Response wiped(@PathParam("deviceKey") String deviceKey, @NotNull @Valid WipeConfirmation body) {
        if (!contact.confirmWiped(deviceKey, body.confirmation())) {
            return Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found",
                    "No remote wipe is pending for this device and code.").toResponse();
        }
        return Response.noContent().build();
    }
}
