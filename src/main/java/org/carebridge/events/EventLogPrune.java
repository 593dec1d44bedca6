package org.carebridge.events;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes event log entries older than {@code carebridge.events.retention-days} (35 by default:
 * longer than the longest message expiration of 30 days, so a client offline for a whole
 * expiration period still catches up event by event). Running it on several nodes at once is
 * harmless: the second delete finds nothing.
 */
@Singleton
public class EventLogPrune {

    private static final Logger LOG = Logger.getLogger(EventLogPrune.class.getName());

    @Inject
    EventLog log;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "carebridge.events.retention-days", defaultValue = "35")
    int retentionDays;

    @Schedule(hour = "3", minute = "41", persistent = false, info = "event-log-prune")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void daily() {
        try {
            int removed = log.prune(clock.instant().minus(Duration.ofDays(Math.max(1, retentionDays))));
            LOG.info(() -> "Pruned " + removed + " client events older than " + retentionDays + " days");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Pruning the client event log failed; tomorrow's run retries", e);
        }
    }
}
