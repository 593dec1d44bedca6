package org.carebridge.events;

import jakarta.json.JsonObject;

/**
 * The envelope of every message the client event socket sends: a {@code type} a client switches
 * on, a {@code payload} whose shape the type decides, and for logged events (messages, receipts,
 * responses, expiry) the user's {@code sequence} number: 1, 2, 3 ... without gaps, so a client
 * that acknowledges what it processed and resumes after the last number it saw misses nothing
 * and can drop anything it has already seen. Presence, {@code ready} and {@code resync} carry no
 * sequence: presence is current state, and a client that missed some simply syncs its directory.
 * Clients ignore types they do not know, so new kinds of event need no new protocol version.
 */
public record ClientEvent(String type, Long sequence, Object payload) {

    public static final String PRESENCE = "presence";
    /** First event on every socket: where the user's event log stands. */
    public static final String READY = "ready";
    /** The log no longer holds what the client asked to resume after: reload, then continue. */
    public static final String RESYNC = "resync";

    /** The payload of a {@value #PRESENCE} event. */
    public record PresencePayload(long userId, String status) {
    }

    /** The payload of {@value #READY} and {@value #RESYNC}: the newest sequence number the user has. */
    public record Position(long lastSequence) {
    }

    public static ClientEvent presence(PresenceChanged change) {
        return new ClientEvent(PRESENCE, null, new PresencePayload(change.userId(), change.status()));
    }

    public static ClientEvent ready(long lastSequence) {
        return new ClientEvent(READY, null, new Position(lastSequence));
    }

    public static ClientEvent resync(long lastSequence) {
        return new ClientEvent(RESYNC, null, new Position(lastSequence));
    }

    /** A logged event; {@code payload} is a record, or a {@link JsonObject} kept in the log. */
    public static ClientEvent logged(EventType type, long sequence, Object payload) {
        return new ClientEvent(type.code(), sequence, payload);
    }
}
