package org.carebridge.events;

/**
 * The envelope of every message the client event socket sends: a {@code type} a client switches
 * on and a {@code payload} whose shape the type decides. Clients ignore types they do not know, so
 * new kinds of event (messages, receipts, wipe instructions) can be added without a new socket
 * or protocol version. Messaging will add a per-user {@code sequence} number here for
 * acknowledgement and resync; presence events carry none because a client that missed some
 * simply syncs its directory.
 */
public record ClientEvent(String type, Object payload) {

    public static final String PRESENCE = "presence";

    /** The payload of a {@value #PRESENCE} event. */
    public record PresencePayload(long userId, String status) {
    }

    public static ClientEvent presence(PresenceChanged change) {
        return new ClientEvent(PRESENCE, new PresencePayload(change.userId(), change.status()));
    }
}
