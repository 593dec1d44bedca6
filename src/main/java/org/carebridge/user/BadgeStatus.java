package org.carebridge.user;

/** A linked user's voice and messaging status on the on-premises system, with the connector's words. */
public enum BadgeStatus {
    LOGGED_IN("LoggedIn"),
    LOGGED_OUT("LoggedOut"),
    DND("DND");

    private final String wire;

    BadgeStatus(String wire) {
        this.wire = wire;
    }

    /** The word the sync protocol uses. */
    public String wire() {
        return wire;
    }

    /** What the console shows for a reported status, or "Not reported" before the connector sent one. */
    public static String describe(BadgeStatus status) {
        return status == null ? "Not reported" : status.wire();
    }

    public static BadgeStatus ofWire(String word) {
        for (BadgeStatus status : values()) {
            if (status.wire.equals(word)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown badge status " + word);
    }
}
