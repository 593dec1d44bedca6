package org.carebridge.messaging.outsider;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTrail;
import org.carebridge.events.EventLog;
import org.carebridge.events.EventType;
import org.carebridge.messaging.DeliveryState;
import org.carebridge.messaging.Message;
import org.carebridge.messaging.MessageDraft;
import org.carebridge.messaging.MessagePriority;
import org.carebridge.messaging.MessagingRefusedException;
import org.carebridge.messaging.MessagingRefusedException.Reason;
import org.carebridge.messaging.MessagingService;
import org.carebridge.messaging.MessagingViews.ReceiptPayload;
import org.carebridge.messaging.MessagingViews.ResponsePayload;
import org.carebridge.messaging.outsider.OutsiderViews.OutsiderConversation;
import org.carebridge.messaging.outsider.OutsiderViews.OutsiderMessage;

/**
 * The non-user's page: the unexpired messages of the one conversation their session is for that
 * were written to them, with their own replies; marking them read, answering a multiple-choice
 * message, replying. Every call starts from the session, so a non-user can never name another
 * conversation or another person's copy. Receipts and answers reach the sender as events, as a
 * user's do, and go into the audit trail with metadata only.
 */
@ApplicationScoped
public class OutsiderInbox {

    /** The newest messages a page shows. */
    public static final int MAX_MESSAGES = 200;
    /** Messages one read request may mark. */
    public static final int MAX_READ = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OutsiderAccess access;

    @Inject
    EventLog events;

    @Inject
    AuditTrail audit;

    @Inject
    MessagingService messaging;

    @Transactional
    public OutsiderConversation conversation(String cookieToken) {
        OutsiderSession session = access.active(cookieToken);
        Outsider outsider = session.getOutsider();
        Instant now = clock.instant();
        List<OutsiderMessage> views = new ArrayList<>();
        for (OutsiderDelivery delivery : copies(session)) {
            if (!delivery.getMessage().isExpired(now)) {
                views.add(view(delivery.getMessage(), outsider, delivery));
            }
        }
        em.createQuery("select m from Message m where m.conversation.id = :conversation"
                        + " and m.senderOutsider.id = :outsider and m.expiresAt > :now", Message.class)
                .setParameter("conversation", session.getConversation().getId())
                .setParameter("outsider", outsider.getId()).setParameter("now", now).getResultList()
                .forEach(m -> views.add(view(m, outsider, null)));
        views.sort(Comparator.comparing(OutsiderMessage::sentAt).thenComparing(OutsiderMessage::id));
        List<OutsiderMessage> newest = views.size() > MAX_MESSAGES
                ? views.subList(views.size() - MAX_MESSAGES, views.size()) : views;
        return new OutsiderConversation(outsider.getOrganization().getName(), outsider.getAddress(),
                List.copyOf(newest), access.expiresAt(session), access.idleTimeout().toMinutes());
    }

    /**
     * The non-user saw these messages on their page: their copies become read, and each sender
     * sees it. Messages that are not theirs to read (own, expired, already read) are skipped.
     *
     * @return how many changed to read
     */
    @Transactional
    public int markRead(String cookieToken, List<Long> messageIds) {
        if (messageIds == null || messageIds.isEmpty() || messageIds.size() > MAX_READ) {
            throw new MessagingRefusedException(Reason.INVALID, "Name 1 to " + MAX_READ + " messages.");
        }
        OutsiderSession session = access.active(cookieToken);
        Instant now = clock.instant();
        List<OutsiderDelivery> unread = copies(session).stream()
                .filter(d -> messageIds.contains(d.getMessage().getId()))
                .filter(d -> d.getState() != DeliveryState.READ && !d.getMessage().isExpired(now))
                .sorted(Comparator.comparing(OutsiderDelivery::getId)).toList();
        events.lockInOrder(unread.stream().map(OutsiderDelivery::getMessage).filter(m -> m.getSender() != null)
                .map(m -> m.getSender().getId()).toList());
        int changed = 0;
        for (OutsiderDelivery delivery : unread) {
            if (delivery.markRead(now)) {
                read(delivery);
                changed++;
            }
        }
        return changed;
    }

    /** Answer {@code choice} (from 0) of multiple-choice message {@code messageId} written to the non-user. */
    @Transactional
    public OutsiderMessage answer(String cookieToken, long messageId, int choice) {
        OutsiderSession session = access.active(cookieToken);
        Instant now = clock.instant();
        OutsiderDelivery delivery = copies(session).stream().filter(d -> d.getMessage().getId() == messageId)
                .findFirst().orElseThrow(() -> new MessagingRefusedException(Reason.NOT_FOUND, "No such message."));
        Message message = delivery.getMessage();
        if (message.isExpired(now)) {
            throw new MessagingRefusedException(Reason.NOT_FOUND, "This message has expired.");
        }
        if (message.getSender() != null) {
            events.lockInOrder(List.of(message.getSender().getId()));
        }
        boolean wasRead = delivery.getState() == DeliveryState.READ;
        try {
            delivery.respond(choice, now);
        } catch (IllegalArgumentException e) {
            throw new MessagingRefusedException(Reason.INVALID, e.getMessage());
        } catch (IllegalStateException e) {
            throw new MessagingRefusedException(Reason.CONFLICT, e.getMessage());
        }
        if (!wasRead) {
            read(delivery);
        }
        Outsider outsider = delivery.getOutsider();
        if (message.getSender() != null) {
            events.append(List.of(message.getSender().getId()), EventType.RESPONSE, message.getConversation().getId(),
                    message.getId(), new ResponsePayload(message.getId(), message.getConversation().getId(), null,
                            choice, now, outsider.getId()));
        }
        audit.recordOutsiderMessageEvent(outsider.auditLabel(), message.getSenderOrganization(),
                AuditAction.NON_USER_ANSWERED, message.getId(), message.getConversation().getId(),
                "Answer " + (choice + 1) + " of " + message.getChoices().size());
        return view(message, outsider, delivery);
    }

    /** The non-user replies: a message to everyone else in the conversation, through the usual sending path. */
    @Transactional
    public OutsiderMessage reply(String cookieToken, String clientMessageId, String text) {
        OutsiderSession session = access.active(cookieToken);
        Outsider outsider = session.getOutsider();
        MessagingService.Sent sent = messaging.replyAsOutsider(outsider.getId(), session.getConversation().getId(),
                new MessageDraft(clientMessageId, text, MessagePriority.NORMAL, List.of()));
        return view(sent.message(), outsider, null);
    }

    /** The non-user's copies of the session's conversation. */
    private List<OutsiderDelivery> copies(OutsiderSession session) {
        return em.createNamedQuery(OutsiderDelivery.IN_CONVERSATION, OutsiderDelivery.class)
                .setParameter("outsiderId", session.getOutsider().getId())
                .setParameter("conversationId", session.getConversation().getId()).getResultList();
    }

    /** Tells the sender (when a user wrote it) and records it. */
    private void read(OutsiderDelivery delivery) {
        Message message = delivery.getMessage();
        if (message.getSender() != null) {
            events.append(List.of(message.getSender().getId()), EventType.RECEIPT, message.getConversation().getId(),
                    message.getId(), ReceiptPayload.of(delivery));
        }
        audit.recordOutsiderMessageEvent(delivery.getOutsider().auditLabel(), message.getSenderOrganization(),
                AuditAction.NON_USER_READ, message.getId(), message.getConversation().getId(),
                "Opened by the non-user");
    }

    private static OutsiderMessage view(Message message, Outsider viewer, OutsiderDelivery copy) {
        boolean mine = Outsider.same(message.getSenderOutsider(), viewer);
        String from;
        String organization = null;
        if (mine) {
            from = "You";
        } else if (message.getSender() != null) {
            from = message.getSender().getDisplayName();
            organization = message.getSenderOrganization().getName();
        } else {
            from = message.getSenderOutsider().address().masked();
        }
        return new OutsiderMessage(message.getId(), from, organization, mine, message.getBody(),
                message.isContentPurged(), message.getPriority(), message.getChoices(),
                copy == null ? null : copy.getResponsePosition(), mine || copy.getState() == DeliveryState.READ,
                message.getSentAt(), message.getExpiresAt());
    }
}
