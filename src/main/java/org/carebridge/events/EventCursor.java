package org.carebridge.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Where one user's event log stands: the last sequence number given out and the last one a
 * client acknowledged. Always read under a row lock by {@link EventLog}, which is what orders
 * the user's events.
 */
@Entity
@Table(name = "client_event_cursor")
public class EventCursor {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "acked_sequence", nullable = false)
    private long ackedSequence;

    protected EventCursor() {
    }

    EventCursor(long userId) {
        this.userId = userId;
    }

    long next() {
        return ++lastSequence;
    }

    /**
     * A client processed everything up to {@code sequence}.
     *
     * @return the previously acknowledged sequence (acknowledgements never move back)
     * @throws IllegalArgumentException for a sequence the user was never given
     */
    long acknowledge(long sequence) {
        if (sequence > lastSequence) {
            throw new IllegalArgumentException("Sequence " + sequence + " was never sent; the newest is " + lastSequence);
        }
        long before = ackedSequence;
        ackedSequence = Math.max(ackedSequence, sequence);
        return before;
    }

    public Long getUserId() { return userId; }
    public long getLastSequence() { return lastSequence; }
    public long getAckedSequence() { return ackedSequence; }
}
