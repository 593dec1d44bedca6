package org.carebridge.messaging.outsider;

/** How a non-user is told that a message waits for them. */
public enum OutsiderChannel {
    /** A mail through the outbox. */
    EMAIL("e-mail"),
    /** A text message through the SMS gateway. */
    SMS("text message");

    private final String label;

    OutsiderChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
