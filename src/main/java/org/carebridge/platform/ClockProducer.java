package org.carebridge.platform;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The application's clock. Everything time-dependent (token expiry, lockout waits, message
 * expiry, the nightly purge) injects {@link Clock} so tests can control time.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
