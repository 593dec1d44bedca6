package org.carebridge.platform.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B for the client API: a request body with a field the operation does not know is refused
 * (400) instead of silently ignored, so a client's typo never passes unnoticed.
 */
@Provider
public class ApiJsonb implements ContextResolver<Jsonb> {

    /** Yasson's switch for unknown properties (the JSON-B default ignores them). */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
