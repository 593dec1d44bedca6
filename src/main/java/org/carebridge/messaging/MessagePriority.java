package org.carebridge.messaging;

/** High-priority messages play the organization's priority sound on arrival. */
public enum MessagePriority {
    NORMAL("Normal"),
    HIGH("High priority");

    private final String label;

    MessagePriority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
