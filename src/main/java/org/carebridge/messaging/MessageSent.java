package org.carebridge.messaging;

import java.util.List;

/**
 * A message was stored for users {@code recipientIds} and non-users {@code outsiderIds} (each
 * told by mail or text message). Fired inside the sending transaction; after commit the
 * recipients without an open socket get a push notification and the non-users' notices go out.
 * {@code senderOutsiderId} is set when a non-user wrote the message (it has no sending user).
 */
public record MessageSent(long messageId, long conversationId, List<Long> recipientIds, MessagePriority priority,
        int prioritySoundSeconds, List<Long> outsiderIds, Long senderOutsiderId) {

    public MessageSent {
        recipientIds = List.copyOf(recipientIds);
        outsiderIds = outsiderIds == null ? List.of() : List.copyOf(outsiderIds);
    }

    /** A user's message to users only. */
    public MessageSent(long messageId, long conversationId, List<Long> recipientIds, MessagePriority priority,
            int prioritySoundSeconds) {
        this(messageId, conversationId, recipientIds, priority, prioritySoundSeconds, List.of(), null);
    }

    public boolean isFromOutsider() {
        return senderOutsiderId != null;
    }
}
