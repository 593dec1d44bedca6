package org.carebridge.messaging.outsider;

import java.time.Instant;
import java.util.List;

import org.carebridge.messaging.MessagePriority;

/**
 * What the non-user's page is answered: records, never entities. A non-user sees the messages
 * written to them and their own replies, who wrote each (users by name and organization; other
 * non-users only masked), and nothing about the other recipients.
 */
public final class OutsiderViews {

    private OutsiderViews() {
    }

    /**
     * The conversation as the non-user's page shows it, oldest first. {@code organizationName} is
     * the organization that wrote to them; the page closes at {@code closesAt} unless used again.
     */
    public record OutsiderConversation(String organizationName, String you, List<OutsiderMessage> messages,
            Instant closesAt, long idleMinutes) {
    }

    /**
     * One message: {@code mine} for the non-user's own replies; {@code response} their answer to a
     * multiple-choice message, counted from 0; {@code read} whether it counts as read already.
     */
    public record OutsiderMessage(long id, String from, String fromOrganization, boolean mine, String text,
            boolean contentRemoved, MessagePriority priority, List<String> choices, Integer response, boolean read,
            Instant sentAt, Instant expiresAt) {
    }
}
