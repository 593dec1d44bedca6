package org.carebridge.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTrail;
import org.carebridge.events.EventLog;
import org.carebridge.events.EventType;
import org.carebridge.events.EventsAcknowledged;
import org.carebridge.messaging.MessagingRefusedException.Reason;
import org.carebridge.messaging.MessagingViews.ReceiptPayload;
import org.carebridge.messaging.MessagingViews.ResponsePayload;
import org.carebridge.user.User;

/**
 * What recipients do with a message: their clients acknowledge it (delivered), they open it
 * (read), they answer a multiple-choice message. Each change is told to the sender and to the
 * recipient's other devices as an event, and written to the audit trail with metadata only.
 */
@ApplicationScoped
public class Receipts {

    /** Messages one read request may mark. */
    public static final int MAX_READ = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    EventLog events;

    @Inject
    AuditTrail audit;

    @Inject
    MessagingService messaging;

    /**
     * A client of the user processed the events of these messages: they reached a device. Runs
     * inside the acknowledging transaction; takes the senders' and the user's event cursors in
     * order before reading the deliveries, so two devices acknowledging at once are serialised.
     */
    void acknowledged(@Observes EventsAcknowledged acknowledged) {
        Instant now = clock.instant();
        List<Long> senders = em.createQuery("select distinct d.message.sender.id from MessageDelivery d"
                        + " where d.recipient.id = :user and d.message.id in :messages", Long.class)
                .setParameter("user", acknowledged.userId()).setParameter("messages", acknowledged.messageIds())
                .getResultList();
        List<Long> locked = new ArrayList<>(senders);
        locked.add(acknowledged.userId());
        events.lockInOrder(locked);
        List<MessageDelivery> deliveries = em.createQuery("select d from MessageDelivery d"
                        + " where d.recipient.id = :user and d.message.id in :messages"
                        + " and d.receipt.state = org.carebridge.messaging.DeliveryState.SENT order by d.id",
                        MessageDelivery.class)
                .setParameter("user", acknowledged.userId()).setParameter("messages", acknowledged.messageIds())
                .getResultList();
        for (MessageDelivery delivery : deliveries) {
            if (delivery.markDelivered(now)) {
                changed(delivery, AuditAction.MESSAGE_DELIVERED, "Reached a device of the recipient", false);
            }
        }
    }

    /**
     * The on-premises system acknowledged the copy of message {@code messageId} it carries to a
     * badge of {@code recipientId} (the recipient's own badge or a linked one): the message
     * reached the recipient, and the sender is told exactly as for an app's acknowledgement.
     *
     * @return whether the delivery changed (an app may have acknowledged it first)
     */
    @Transactional
    public boolean deliveredToBadge(long messageId, long recipientId) {
        List<Long> locked = new ArrayList<>(em.createQuery("select m.sender.id from Message m where m.id = :id",
                Long.class).setParameter("id", messageId).getResultList());
        locked.add(recipientId);
        events.lockInOrder(locked);
        MessageDelivery delivery = em.createNamedQuery(MessageDelivery.OF_RECIPIENT, MessageDelivery.class)
                .setParameter("messageId", messageId).setParameter("recipientId", recipientId).getResultList().stream()
                .findFirst().orElse(null);
        if (delivery == null || !delivery.markDelivered(clock.instant())) {
            return false;
        }
        changed(delivery, AuditAction.MESSAGE_DELIVERED, "Reached a badge of the recipient", false);
        return true;
    }

    /**
     * The user opened these messages of a conversation they take part in. Messages that are not
     * theirs to read (their own, expired, already read) are skipped.
     *
     * @return how many changed to read
     */
    @Transactional
    public int markRead(long userId, long conversationId, List<Long> messageIds) {
        if (messageIds == null || messageIds.isEmpty() || messageIds.size() > MAX_READ) {
            throw new MessagingRefusedException(Reason.INVALID, "Name 1 to " + MAX_READ + " messages.");
        }
        User me = em.find(User.class, userId);
        messaging.conversationOf(me, conversationId);
        Instant now = clock.instant();
        List<Long> locked = new ArrayList<>(em.createQuery("select distinct m.sender.id from Message m"
                        + " where m.conversation.id = :conversation and m.id in :messages", Long.class)
                .setParameter("conversation", conversationId).setParameter("messages", messageIds).getResultList());
        locked.add(userId);
        events.lockInOrder(locked);
        List<MessageDelivery> deliveries = em.createQuery("select d from MessageDelivery d"
                        + " where d.recipient.id = :user and d.message.conversation.id = :conversation"
                        + " and d.message.id in :messages and d.message.expiresAt > :now"
                        + " and d.receipt.state <> org.carebridge.messaging.DeliveryState.READ order by d.id",
                        MessageDelivery.class)
                .setParameter("user", userId).setParameter("conversation", conversationId)
                .setParameter("messages", messageIds).setParameter("now", now).getResultList();
        int changed = 0;
        for (MessageDelivery delivery : deliveries) {
            if (delivery.markRead(now)) {
                changed(delivery, AuditAction.MESSAGE_READ, "Opened by the recipient", true);
                changed++;
            }
        }
        return changed;
    }

    /** The user answers multiple-choice message {@code messageId} with choice {@code position} (from 0). */
    @Transactional
    public MessageDelivery respond(long userId, long messageId, int position) {
        Instant now = clock.instant();
        List<Long> locked = new ArrayList<>(em.createQuery("select m.sender.id from Message m where m.id = :id",
                Long.class).setParameter("id", messageId).getResultList());
        locked.add(userId);
        events.lockInOrder(locked);
        MessageDelivery delivery = em.createNamedQuery(MessageDelivery.OF_RECIPIENT, MessageDelivery.class)
                .setParameter("messageId", messageId).setParameter("recipientId", userId).getResultList().stream()
                .findFirst().orElse(null);
        if (delivery == null) {
            boolean ownMessage = em.createQuery("select count(m) from Message m where m.id = :id"
                    + " and m.sender.id = :user", Long.class).setParameter("id", messageId)
                    .setParameter("user", userId).getSingleResult() > 0;
            throw ownMessage ? new MessagingRefusedException(Reason.CONFLICT, "You cannot answer your own message.")
                    : new MessagingRefusedException(Reason.NOT_FOUND, "No such message.");
        }
        Message message = delivery.getMessage();
        if (message.isExpired(now)) {
            throw new MessagingRefusedException(Reason.NOT_FOUND, "This message has expired.");
        }
        boolean wasRead = delivery.getState() == DeliveryState.READ;
        try {
            delivery.respond(position, now);
        } catch (IllegalArgumentException e) {
            throw new MessagingRefusedException(Reason.INVALID, e.getMessage());
        } catch (IllegalStateException e) {
            throw new MessagingRefusedException(Reason.CONFLICT, e.getMessage());
        }
        if (!wasRead) {
            changed(delivery, AuditAction.MESSAGE_READ, "Opened by the recipient", true);
        }
        events.append(toldOf(message, userId), EventType.RESPONSE,
                message.getConversation().getId(), message.getId(),
                new ResponsePayload(message.getId(), message.getConversation().getId(), userId, position, now, null));
        audit.recordMessageEvent(delivery.getRecipient(), delivery.getRecipient().getOrganization(),
                AuditAction.MESSAGE_RESPONDED, message.getId(), message.getConversation().getId(),
                "Answer " + (position + 1) + " of " + message.getChoices().size());
        return delivery;
    }

    /** The message's sender, when a user wrote it, and {@code recipientId} unless {@code null}. */
    private static List<Long> toldOf(Message message, Long recipientId) {
        List<Long> told = new ArrayList<>(2);
        if (message.getSender() != null) {
            told.add(message.getSender().getId());
        }
        if (recipientId != null) {
            told.add(recipientId);
        }
        return told;
    }

    /** Tells the sender (and, for reads, the recipient's other devices) and records it. */
    private void changed(MessageDelivery delivery, AuditAction action, String details, boolean toRecipient) {
        Message message = delivery.getMessage();
        User recipient = delivery.getRecipient();
        List<Long> told = toRecipient ? toldOf(message, recipient.getId()) : toldOf(message, null);
        events.append(told, EventType.RECEIPT,
                message.getConversation().getId(), message.getId(), ReceiptPayload.of(delivery));
        audit.recordMessageEvent(recipient, recipient.getOrganization(), action, message.getId(),
                message.getConversation().getId(), details);
    }
}
