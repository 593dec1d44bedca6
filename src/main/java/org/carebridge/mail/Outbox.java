package org.carebridge.mail;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The only way the application sends mail. The mail is stored in the caller's transaction, so
 * it exists exactly when the change that caused it was committed; {@link OutboxSender} sends it
 * afterwards and retries until the mail server takes it.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<MailQueued> queued;

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboundMail enqueue(MailMessage message) {
        OutboundMail mail = new OutboundMail(message, clock.instant());
        em.persist(mail);
        queued.fire(new MailQueued(mail.getId()));
        return mail;
    }

    /** Fired inside the enqueuing transaction; the sender reacts once it has committed. */
    public record MailQueued(Long mailId) {
    }
}
