package org.carebridge.messaging;

import java.util.List;

/**
 * A message was stored for {@code recipientIds}. Fired inside the sending transaction; after
 * commit the recipients without an open socket get a push notification.
 */
public record MessageSent(long messageId, long conversationId, List<Long> recipientIds, MessagePriority priority,
        int prioritySoundSeconds) {

    public MessageSent {
        recipientIds = List.copyOf(recipientIds);
    }
}
