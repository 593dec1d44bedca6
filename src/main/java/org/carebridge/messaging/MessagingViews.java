package org.carebridge.messaging;

import java.time.Instant;
import java.util.List;

import org.carebridge.messaging.outsider.NoticeState;
import org.carebridge.messaging.outsider.Outsider;
import org.carebridge.messaging.outsider.OutsiderChannel;
import org.carebridge.messaging.outsider.OutsiderDelivery;
import org.carebridge.user.User;

/**
 * What the client API answers about conversations and messages: records, never entities. A
 * message past its expiry keeps only its ids and times ({@code expired} true); purged content
 * shows as {@code contentRemoved}. No user's e-mail address or phone number is here; a non-user's
 * address is, for the users of their conversation, because a sender typed it to write to them.
 */
public final class MessagingViews {

    private MessagingViews() {
    }

    /** A participant as clients show them. */
    public record Person(long id, String name, long organizationId, String organizationName) {

        public static Person of(User user) {
            return new Person(user.getId(), user.getDisplayName(), user.getOrganization().getId(),
                    user.getOrganization().getName());
        }
    }

    /**
     * A non-user of a conversation as its users see them: written to by e-mail or text message,
     * with the address the sender typed (normalized), in full.
     */
    public record NonUser(long id, OutsiderChannel channel, String address) {

        public static NonUser of(Outsider outsider) {
            return new NonUser(outsider.getId(), outsider.getChannel(), outsider.getAddress());
        }
    }

    /**
     * One recipient's copy of a message, as its sender sees it. A user's has {@code userId}; a
     * non-user's has {@code nonUserId} instead, their address as {@code name}, and {@code notice}:
     * whether the mail or text message telling them went out.
     */
    public record Recipient(Long userId, String name, DeliveryState state, Instant deliveredAt, Instant readAt,
            Integer response, Instant respondedAt, Long nonUserId, NoticeState notice) {

        public static Recipient of(MessageDelivery delivery) {
            return new Recipient(delivery.getRecipient().getId(), delivery.getRecipient().getDisplayName(),
                    delivery.getState(), delivery.getDeliveredAt(), delivery.getReadAt(),
                    delivery.getResponsePosition(), delivery.getRespondedAt(), null, null);
        }

        public static Recipient of(OutsiderDelivery delivery) {
            return new Recipient(null, delivery.getOutsider().getAddress(), delivery.getState(),
                    delivery.getDeliveredAt(), delivery.getReadAt(), delivery.getResponsePosition(),
                    delivery.getRespondedAt(), delivery.getOutsider().getId(), delivery.getNoticeState());
        }
    }

    /**
     * A message as one user sees it. For its sender: {@code recipients} with each one's state and
     * answer. For a recipient: their own {@code state} and {@code response}. {@code sender} is
     * {@code null} when a non-user wrote it; {@code nonUserSender} then says who.
     */
    public record MessageView(long id, long conversationId, String clientMessageId, Person sender, String text,
            MessagePriority priority, List<String> choices, Instant sentAt, Instant expiresAt, boolean expired,
            boolean contentRemoved, DeliveryState state, Integer response, List<Recipient> recipients,
            NonUser nonUserSender) {
    }

    /** The start of the newest message, for conversation lists. */
    public record Preview(long messageId, String senderName, String text, MessagePriority priority, Instant sentAt) {

        static final int LENGTH = 140;

        static Preview of(Message message) {
            String body = message.getBody();
            String text = body == null || body.length() <= LENGTH ? body : body.substring(0, LENGTH - 1) + "\u2026";
            return new Preview(message.getId(), message.senderName(), text, message.getPriority(), message.getSentAt());
        }
    }

    /** A conversation in the caller's list: newest activity first. {@code nonUsers} take part beside {@code participants}. */
    public record ConversationSummary(long id, List<Person> participants, long startedBy, Instant lastMessageAt,
            Preview lastMessage, long unread, boolean highPriorityUnread, List<NonUser> nonUsers) {
    }

    public record ConversationPage(List<ConversationSummary> conversations, String nextCursor) {
    }

    /** A page of a conversation's history, oldest first; {@code olderCursor} fetches the page before it. */
    public record MessagePage(List<MessageView> messages, String olderCursor) {
    }

    /**
     * Payload of a {@code receipt} event: a recipient's delivery state moved. For a non-user's copy
     * {@code recipientId} is {@code null} and {@code nonUserId} names them.
     */
    public record ReceiptPayload(long messageId, long conversationId, Long recipientId, DeliveryState state,
            Instant deliveredAt, Instant readAt, Long nonUserId) {

        static ReceiptPayload of(MessageDelivery delivery) {
            return new ReceiptPayload(delivery.getMessage().getId(), delivery.getMessage().getConversation().getId(),
                    delivery.getRecipient().getId(), delivery.getState(), delivery.getDeliveredAt(),
                    delivery.getReadAt(), null);
        }

        public static ReceiptPayload of(OutsiderDelivery delivery) {
            return new ReceiptPayload(delivery.getMessage().getId(), delivery.getMessage().getConversation().getId(),
                    null, delivery.getState(), delivery.getDeliveredAt(), delivery.getReadAt(),
                    delivery.getOutsider().getId());
        }
    }

    /**
     * Payload of a {@code response} event: the answer's position; clients have the choices. For a
     * non-user's answer {@code recipientId} is {@code null} and {@code nonUserId} names them.
     */
    public record ResponsePayload(long messageId, long conversationId, Long recipientId, int response,
            Instant respondedAt, Long nonUserId) {
    }

    /** Payload of an {@code expired} event (and of a message event replayed after its expiry). */
    public record ExpiredPayload(long messageId, long conversationId, boolean expired) {

        static ExpiredPayload of(Message message) {
            return new ExpiredPayload(message.getId(), message.getConversation().getId(), true);
        }
    }
}
