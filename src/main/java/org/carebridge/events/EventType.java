package org.carebridge.events;

/** The kinds of event kept in a user's event log, by the name clients see as {@code type}. */
public enum EventType {
    /** A message the user sent or received; rendered from the message when sent. */
    MESSAGE("message"),
    /** A recipient's delivery state of a message moved (delivered, read). */
    RECEIPT("receipt"),
    /** A recipient answered a multiple-choice message. */
    RESPONSE("response"),
    /** A message reached its expiry: clients remove it. */
    EXPIRED("expired");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static EventType ofCode(String code) {
        for (EventType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown event type " + code);
    }
}
