package org.carebridge.messaging;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Announces expired messages every minute; expiry times are minutes apart at the finest. */
@Singleton
public class MessageExpirySchedule {

    private static final Logger LOG = Logger.getLogger(MessageExpirySchedule.class.getName());

    @Inject
    MessageExpiry expiry;

    @Schedule(hour = "*", minute = "*", second = "15", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void everyMinute() {
        try {
            expiry.announceDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Announcing expired messages failed; the next run retries", e);
        }
    }
}
