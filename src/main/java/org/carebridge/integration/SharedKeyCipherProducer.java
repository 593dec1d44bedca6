package org.carebridge.integration;

import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cipher for integration shared keys, under {@code carebridge.integration.key-encryption-key}
 * (Base64 of 32 random bytes; every node of a deployment needs the same value). Without it the
 * embedded run's fixed development key is used, with a warning: fine for trying things out,
 * never for real shared keys.
 */
@ApplicationScoped
public class SharedKeyCipherProducer {

    private static final Logger LOG = Logger.getLogger(SharedKeyCipherProducer.class.getName());
    /** Published in the source on purpose: it protects nothing but demo data. */
    public static final String DEVELOPMENT_KEY = "Y2FyZWJyaWRnZS1kZXZlbG9wbWVudC1vbmx5LWtleSE=";

    @Inject
    @ConfigProperty(name = "carebridge.integration.key-encryption-key")
    Optional<String> configuredKey;

    private volatile SharedKeyCipher cipher;

    /** Dependent scope (the cipher is final, so not proxyable); one instance is made and shared. */
    @Produces
    SharedKeyCipher cipher() {
        SharedKeyCipher made = cipher;
        if (made == null) {
            made = create();
            cipher = made;
        }
        return made;
    }

    private SharedKeyCipher create() {
        String key = configuredKey.filter(k -> !k.isBlank()).orElse(null);
        if (key == null) {
            LOG.warning("carebridge.integration.key-encryption-key is not set: integration shared keys are encrypted"
                    + " with the development key. Set it (Base64 of 32 random bytes) for any real use.");
            key = DEVELOPMENT_KEY;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("carebridge.integration.key-encryption-key is not valid Base64", e);
        }
        return new SharedKeyCipher(bytes);
    }
}
