package org.carebridge.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.carebridge.mail.Outbox.MailQueued;

/** Starts sending as soon as a transaction that queued mail commits, instead of at the next poll. */
@ApplicationScoped
class OutboxNudge {

    @Inject
    OutboxSender sender;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued event) {
        sender.sendSoon();
    }
}
