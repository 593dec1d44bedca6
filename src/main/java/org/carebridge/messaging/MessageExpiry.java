package org.carebridge.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTrail;
import org.carebridge.events.EventLog;
import org.carebridge.events.EventType;
import org.carebridge.messaging.MessagingViews.ExpiredPayload;
import org.carebridge.platform.persistence.ClusterLocks;

/**
 * Tells participants that messages reached their expiry (send time + the sender organization's
 * expiration setting, fixed in {@link Message}). Clients also hide messages at their
 * {@code expiresAt} on their own, and every API answer leaves expired messages out whatever
 * this has done; the announcement makes clients that were offline catch up and puts the
 * expiry in the audit trail. Batches run under the 'message-expiry' cluster lock, so two nodes
 * never announce the same message.
 */
@ApplicationScoped
public class MessageExpiry {

    private static final Logger LOG = Logger.getLogger(MessageExpiry.class.getName());
    static final int BATCH = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ClusterLocks locks;

    @Inject
    EventLog events;

    @Inject
    AuditTrail audit;

    @Inject
    MessageExpiry self;

    /** Announces every expired message not yet announced, batch by batch; returns how many. */
    public int announceDue() {
        int total = 0;
        int batch;
        do {
            batch = self.announceBatch();
            total += batch;
        } while (batch == BATCH);
        if (total > 0) {
            int count = total;
            LOG.info(() -> "Announced the expiry of " + count + " messages");
        }
        return total;
    }

    /** One batch in one transaction: events to every participant, an audit line per message. */
    @Transactional
    public int announceBatch() {
        locks.lock("message-expiry");
        Instant now = clock.instant();
        List<Message> due = em.createNamedQuery(Message.EXPIRED_UNANNOUNCED, Message.class)
                .setParameter("now", now).setMaxResults(BATCH).getResultList();
        events.lockInOrder(due.stream().flatMap(m -> m.getConversation().getParticipants().stream())
                .map(p -> p.getUser().getId()).toList());
        for (Message message : due) {
            Conversation conversation = message.getConversation();
            List<Long> participants = conversation.getParticipants().stream().map(p -> p.getUser().getId()).toList();
            events.append(participants, EventType.EXPIRED, conversation.getId(), message.getId(),
                    ExpiredPayload.of(message));
            audit.recordMessageEvent(null, message.getSenderOrganization(), AuditAction.MESSAGE_EXPIRED,
                    message.getId(), conversation.getId(), "Expired at " + message.getExpiresAt());
            message.expiryAnnounced();
        }
        return due.size();
    }
}
