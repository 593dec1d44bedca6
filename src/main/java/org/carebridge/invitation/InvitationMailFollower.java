package org.carebridge.invitation;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.carebridge.mail.MailsSettled;

/**
 * Keeps each invitation's status in step with its mail: Pending while queued, Email Sent once
 * the mail server took it, Failure when it was refused or out of retries. It reacts to the
 * outbox's {@link MailsSettled} event at once, and every minute reconciles whatever an event did
 * not reach (a restart between the outbox's commit and the event, another node's batch, a
 * conflicting update). A conflict only postpones the change to the next run.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvitationMailFollower {

    private static final Logger LOG = Logger.getLogger(InvitationMailFollower.class.getName());

    @Inject
    UserInvitations invitations;

    public void onSettled(@Observes MailsSettled event) {
        try {
            int changed = invitations.followMails(event.mailIds());
            LOG.fine(() -> changed + " invitations followed their mail");
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Invitation statuses not updated now; the reconciliation catches up", e);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "40", persistent = false, info = "invitation-mail-reconciliation")
    void reconcile() {
        try {
            int changed;
            do {
                changed = invitations.followSettledMails();
                int count = changed;
                LOG.fine(() -> "Reconciled " + count + " invitation statuses with their mail");
            } while (changed == UserInvitations.FOLLOW_BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Reconciling invitation statuses did not finish; the next run continues", e);
        }
    }
}
