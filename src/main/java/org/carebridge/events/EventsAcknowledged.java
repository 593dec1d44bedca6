package org.carebridge.events;

import java.util.List;

/**
 * A client of {@code userId} acknowledged its events up to a sequence; {@code messageIds} are
 * the messages among the newly acknowledged events. Fired synchronously inside the
 * acknowledging transaction: messaging marks those messages delivered in the same transaction.
 */
public record EventsAcknowledged(long userId, List<Long> messageIds) {

    public EventsAcknowledged {
        messageIds = List.copyOf(messageIds);
    }
}
