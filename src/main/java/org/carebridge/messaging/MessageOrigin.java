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
     * The origin of a stored message; the one place that decides it. A user's message was written
     * in a Carebridge client through the client API; a non-user's reply was written by a person
     * in their own browser on the non-user page, an application other than a Carebridge client.
     * Nothing sends system messages yet; they map here when an integration does.
     */
    public static MessageOrigin of(Message message) {
        Objects.requireNonNull(message, "message");
        return message.isFromOutsider() ? OTHER_APPLICATION : CLIENT_APP;
    }
}
