package org.carebridge.platform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Lets a client check, before signing in, which API version the server speaks. */
@Path("v1/version")
public class ApiVersion {

    public static final String CURRENT = "1.0";

    public record VersionInfo(String api, String minimumClientApi) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The API version this server speaks")
    public VersionInfo version() {
        return new VersionInfo(CURRENT, CURRENT);
    }
}
