package org.carebridge.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.platform.persistence.ClusterLocks;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One transaction's worth of outbox work: lock, send what is due, record the outcome. */
@ApplicationScoped
class OutboxBatch {

    private static final Logger LOG = Logger.getLogger(OutboxBatch.class.getName());
    static final String LOCK = "mail-outbox";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ClusterLocks locks;

    @Inject
    MailTransport transport;

    /** Wait before the first retry; later retries double it. */
    @Inject
    @ConfigProperty(name = "mail.outbox.first-retry", defaultValue = "PT30S")
    Duration firstRetry;

    /** What one batch did: how many mails it tried, and which of them now have a final outcome. */
    record Result(int tried, List<Long> settled) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Result sendNext(int max) {
        locks.lock(LOCK);
        List<OutboundMail> due = em.createNamedQuery(OutboundMail.DUE, OutboundMail.class)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
        List<Long> settled = new ArrayList<>();
        for (OutboundMail mail : due) {
            try {
                transport.send(mail.message());
                mail.sent(clock.instant());
            } catch (MailTransport.MailDeliveryException e) {
                if (e.isPermanent()) {
                    mail.failedPermanently(e.getMessage());
                } else {
                    mail.failedTemporarily(e.getMessage(), clock.instant(), firstRetry);
                }
                LOG.warning(() -> "Mail " + mail.getId() + " not delivered (attempt " + mail.getAttempts() + ", now "
                        + mail.getState() + "): " + e.getMessage());
            }
            if (mail.getState() != MailState.QUEUED) {
                settled.add(mail.getId());
            }
        }
        return new Result(due.size(), settled);
    }

    @Transactional
    List<OutboundMail> pending() {
        return em.createQuery("select m from OutboundMail m where m.state = org.carebridge.mail.MailState.QUEUED"
                + " order by m.id", OutboundMail.class).getResultList();
    }
}
