package org.carebridge.messaging.outsider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.carebridge.messaging.MessageSent;

/** Starts sending notices as soon as a message to non-users commits, instead of at the next poll. */
@ApplicationScoped
class OutsiderNoticeNudge {

    @Inject
    OutsiderNoticeSender sender;

    void onSent(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageSent sent) {
        if (!sent.outsiderIds().isEmpty()) {
            sender.sendSoon();
        }
    }
}
