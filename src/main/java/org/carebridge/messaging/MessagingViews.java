package org.carebridge.messaging;

import java.time.Instant;
import java.util.List;

import org.carebridge.user.User;

/**
 * What the client API answers about conversations and messages: records, never entities. A
 * message past its expiry keeps only its ids and times ({@code expired} true); purged content
 * shows as {@code contentRemoved}. Nothing here carries e-mail addresses or phone numbers.
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

    /** One recipient's copy of a message, as its sender sees it. */
    public record Recipient(long userId, String name, DeliveryState state, Instant deliveredAt, Instant readAt,
            Integer response, Instant respondedAt) {

        public static Recipient of(MessageDelivery delivery) {
            return new Recipient(delivery.getRecipient().getId(), delivery.getRecipient().getDisplayName(),
                    delivery.getState(), delivery.getDeliveredAt(), delivery.getReadAt(),
                    delivery.getResponsePosition(), delivery.getRespondedAt());
        }
    }

    /**
     * A message as one user sees it. For its sender: {@code recipients} with each one's state and
     * answer. For a recipient: their own {@code state} and {@code response}.
     */
    public record MessageView(long id, long conversationId, String clientMessageId, Person sender, String text,
            MessagePriority priority, List<String> choices, Instant sentAt, Instant expiresAt, boolean expired,
            boolean contentRemoved, DeliveryState state, Integer response, List<Recipient> recipients) {
    }

    /** The start of the newest message, for conversation lists. */
    public record Preview(long messageId, String senderName, String text, MessagePriority priority, Instant sentAt) {

        static final int LENGTH = 140;

        static Preview of(Message message) {
            String body = message.getBody();
            String text = body == null || body.length() <= LENGTH ? body : body.substring(0, LENGTH - 1) + "\u2026";
            return new Preview(message.getId(), message.getSender().getDisplayName(), text, message.getPriority(),
                    message.getSentAt());
        }
    }

    /** A conversation in the caller's list: newest activity first. */
    public record ConversationSummary(long id, List<Person> participants, long startedBy, Instant lastMessageAt,
            Preview lastMessage, long unread, boolean highPriorityUnread) {
    }

    public record ConversationPage(List<ConversationSummary> conversations, String nextCursor) {
    }

    /** A page of a conversation's history, oldest first; {@code olderCursor} fetches the page before it. */
    public record MessagePage(List<MessageView> messages, String olderCursor) {
    }

    /** Payload of a {@code receipt} event: a recipient's delivery state moved. */
    public record ReceiptPayload(long messageId, long conversationId, long recipientId, DeliveryState state,
            Instant deliveredAt, Instant readAt) {

        static ReceiptPayload of(MessageDelivery delivery) {
            return new ReceiptPayload(delivery.getMessage().getId(), delivery.getMessage().getConversation().getId(),
                    delivery.getRecipient().getId(), delivery.getState(), delivery.getDeliveredAt(),
                    delivery.getReadAt());
        }
    }

    /** Payload of a {@code response} event: the answer's position; clients have the choices. */
    public record ResponsePayload(long messageId, long conversationId, long recipientId, int response,
            Instant respondedAt) {
    }

    /** Payload of an {@code expired} event (and of a message event replayed after its expiry). */
    public record ExpiredPayload(long messageId, long conversationId, boolean expired) {

        static ExpiredPayload of(Message message) {
            return new ExpiredPayload(message.getId(), message.getConversation().getId(), true);
        }
    }
}
