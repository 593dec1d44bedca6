package org.carebridge.messaging.retention;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The nightly retention purge, at 2:00 AM New York time. Every node's timer fires; the purge
 * lease lets one of them do the work and the others skip (see {@link PurgeSteps}). The timer is
 * not persistent: a night missed while the service was down is made up by the next run, which
 * purges everything due by then.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

    @Inject
    RetentionPurger purger;

    @Schedule(hour = RetentionSchedule.HOUR, minute = RetentionSchedule.MINUTE,
            timezone = RetentionSchedule.TIME_ZONE, persistent = false, info = "retention-purge")
    void nightly() {
        try {
            purger.runScheduled();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The nightly retention purge did not finish; the next run continues", e);
        }
    }
}
