package org.carebridge.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The JSON API for handheld apps, the web client and connectors, under {@code /api}. Its
 * OpenAPI document is served at {@code /openapi}.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Carebridge client API", version = ApiVersion.CURRENT,
        description = "Secure messaging for hospitals and affiliated practices: sign-in, directory, messaging."))
public class ClientApiApplication extends Application {
}
