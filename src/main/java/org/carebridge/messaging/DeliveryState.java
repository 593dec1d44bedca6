package org.carebridge.messaging;

/** How far a message got with one recipient. Ordered: a delivery only moves down this list. */
public enum DeliveryState {
    /** Stored and waiting for the recipient's client. */
    SENT,
    /** A client of the recipient acknowledged it. */
    DELIVERED,
    /** The recipient opened it. */
    READ;

    public boolean isBefore(DeliveryState other) {
        return ordinal() < other.ordinal();
    }
}
