package org.carebridge.messaging;

import java.util.Objects;

/**
 * Who started a message, as far as routing to linked users cares (docs/architecture.md,
 * "Badge routing"): a person in a Carebridge client, a person in some other application, or a
 * system (an alarm or another integration). Where a linked user receives a message depends on it.
 */
public enum MessageOrigin {
    /** A person writing in a Carebridge client (the app or the web client) through the client API. */
    CLIENT_APP,
    /** A person writing in an application other than a Carebridge client. */
    OTHER_APPLICATION,
    /** A system, not a person: alarms, nurse call and other integrations. */
    SYSTEM;

    /** Whether a person wrote it (in any application). */
    public boolean byPerson() {
        return this != SYSTEM;
    }

    /**
     * The origin of a stored message; the one place that decides it. Every stored message is
     * written today by a Carebridge user in a Carebridge client through the client API. Messages
     * from other sources map here when they are added.
     */
    public static MessageOrigin of(Message message) {
        Objects.requireNonNull(message, "message");
        return CLIENT_APP;
    }
}
