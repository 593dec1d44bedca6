package org.carebridge.user;

/** A user's availability for messages and calls, as shown to the people who can reach them. */
public enum PresenceStatus {
    NONE("None"),
    AVAILABLE("Available"),
    BUSY("Busy"),
    UNAVAILABLE("Unavailable");

    private final String label;

    PresenceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
