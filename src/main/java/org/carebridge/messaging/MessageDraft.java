package org.carebridge.messaging;

import java.util.List;
import java.util.Objects;

/**
 * A message as a client sends it. {@code clientMessageId} is chosen by the client (a UUID) and
 * makes sending idempotent: the same id again returns the message already created.
 */
public record MessageDraft(String clientMessageId, String text, MessagePriority priority, List<String> choices) {

    public MessageDraft {
        priority = priority == null ? MessagePriority.NORMAL : priority;
        choices = choices == null ? List.of() : choices.stream().map(c -> c == null ? null : c.strip()).toList();
    }

    /** Whether {@code message} is what this draft describes (a genuine retry, not a reused id). */
    boolean describes(Message message) {
        return Objects.equals(text, message.getBody()) && priority == message.getPriority()
                && choices.equals(message.getChoices());
    }
}
