package org.carebridge.push;

import java.util.Objects;

import org.carebridge.messaging.MessagePriority;

/**
 * What a push notification says: never message text or patient data, only that there is a new
 * secure message, in which conversation, its priority, and for high priority how long the
 * organization's priority sound plays. The app fetches the message itself over the API.
 */
public record PushNotification(String conversationId, MessagePriority priority, Integer soundSeconds) {

    /** The one alert text every notification shows. */
    public static final String ALERT = "New secure message";
    public static final String TITLE = "Carebridge";

    public PushNotification {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(priority, "priority");
        if (priority == MessagePriority.NORMAL) {
            soundSeconds = null;
        } else if (soundSeconds == null || soundSeconds <= 0) {
            throw new IllegalArgumentException("A high-priority notification needs its sound length");
        }
    }

    /** A new message in {@code conversationId}; {@code prioritySoundSeconds} is the sender organization's setting. */
    public static PushNotification newMessage(Object conversationId, MessagePriority priority, int prioritySoundSeconds) {
        return new PushNotification(String.valueOf(conversationId), priority,
                priority == MessagePriority.HIGH ? prioritySoundSeconds : null);
    }

    public boolean isHighPriority() {
        return priority == MessagePriority.HIGH;
    }
}
