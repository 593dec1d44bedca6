package org.carebridge.invitation;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Once an hour, records as expired the organization invitations whose links have run out.
 * On several nodes each runs it; an invitation another node closed first is simply skipped
 * on the next run (optimistic locking refuses the second write).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvitationExpiry {

    private static final Logger LOG = Logger.getLogger(InvitationExpiry.class.getName());

    @Inject
    AffiliationInvitations invitations;

    @Schedule(hour = "*", minute = "7", persistent = false, info = "invitation-expiry")
    void expireOverdue() {
        try {
            int expired;
            do {
                expired = invitations.expireOverdue();
                int count = expired;
                LOG.fine(() -> "Marked " + count + " organization invitations as expired");
            } while (expired == AffiliationInvitations.EXPIRY_BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Expiring overdue invitations did not finish; the next run continues", e);
        }
    }
}
