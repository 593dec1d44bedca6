package org.carebridge.integration;

/** How far a badge copy of a message got. Ordered: a badge delivery only moves down this list. */
public enum BadgeDeliveryState {
    /** Queued; not yet sent to the connector (it may be offline). */
    PENDING,
    /** Sent on the connector's socket; no acknowledgement yet. Sent again when the connector signs in again. */
    SENT,
    /** The connector acknowledged it: it reached the on-premises system. */
    ACKNOWLEDGED,
    /** The badge user answered the multiple-choice message. */
    ANSWERED,
    /**
     * The message expired before the connector acknowledged this copy: it is never sent again,
     * and the row leaves the connector's queue (swept once a minute).
     */
    UNDELIVERED;

    boolean isBefore(BadgeDeliveryState other) {
        return ordinal() < other.ordinal();
    }
}
