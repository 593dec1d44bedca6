package org.carebridge.messaging;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What one recipient did with a message, the same for a user's copy ({@link MessageDelivery})
 * and a non-user's ({@link org.carebridge.messaging.outsider.OutsiderDelivery}): delivered,
 * read, and the answer to a multiple-choice message. Reports arrive from several devices and
 * out of order, so the state only ever moves forward.
 */
@Embeddable
public class Receipt {

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private DeliveryState state = DeliveryState.SENT;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "response_position")
    private Integer responsePosition;

    @Column(name = "responded_at")
    private Instant respondedAt;

    /** The copy reached the recipient. @return whether anything changed */
    public boolean markDelivered(Instant now) {
        if (!state.isBefore(DeliveryState.DELIVERED)) {
            return false;
        }
        state = DeliveryState.DELIVERED;
        deliveredAt = now;
        return true;
    }

    /** The recipient opened the message; reading implies delivery. @return whether anything changed */
    public boolean markRead(Instant now) {
        if (!state.isBefore(DeliveryState.READ)) {
            return false;
        }
        if (deliveredAt == null) {
            deliveredAt = now;
        }
        state = DeliveryState.READ;
        readAt = now;
        return true;
    }

    /**
     * The recipient picks answer {@code position} (from 0) of multiple-choice {@code message}:
     * one answer per recipient, while the message is still on clients; answering also reads it.
     */
    public void respond(Message message, int position, Instant now) {
        message.checkAnswer(position);
        if (responsePosition != null) {
            throw new IllegalStateException("This message has already been answered.");
        }
        if (message.isExpired(now)) {
            throw new IllegalStateException("This message has expired and can no longer be answered.");
        }
        markRead(now);
        responsePosition = position;
        respondedAt = now;
    }

    public boolean isResponded() {
        return responsePosition != null;
    }

    /** The chosen answer's text; {@code null} when unanswered or once the message's content is purged. */
    public String responseLabel(Message message) {
        if (responsePosition == null || message.isContentPurged()) {
            return null;
        }
        return message.getChoices().get(responsePosition);
    }

    public DeliveryState getState() { return state; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public Instant getReadAt() { return readAt; }
    public Integer getResponsePosition() { return responsePosition; }
    public Instant getRespondedAt() { return respondedAt; }
}
