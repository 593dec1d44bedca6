package org.carebridge.access;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a console session may sit idle before it is signed out (20 minutes unless
 * {@code carebridge.console.idle-timeout} says otherwise), and when the page warns about it.
 */
@Named
@ApplicationScoped
public class ConsoleSessionPolicy {

    @Inject
    @ConfigProperty(name = "carebridge.console.idle-timeout", defaultValue = "PT20M")
    Duration idleTimeout;

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public int idleTimeoutSeconds() {
        return (int) idleTimeout.toSeconds();
    }

    /** Milliseconds of inactivity after which the page warns that sign-out is near. */
    public long warningAfterMillis() {
        long total = idleTimeout.toMillis();
        long warnBefore = Math.min(Duration.ofMinutes(2).toMillis(), total / 4);
        return total - warnBefore;
    }

    public long idleTimeoutMillis() {
        return idleTimeout.toMillis();
    }
}
