package org.carebridge.messaging;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.carebridge.user.User;

/**
 * One recipient's copy of a message: whether a client acknowledged it, whether it was read,
 * and the answer to a multiple-choice message. Acknowledgements arrive from several devices
 * and out of order, so the state only ever moves forward; the version column stops two
 * concurrent updates from moving it back.
 */
@Entity
@Table(name = "message_delivery")
@NamedQuery(name = MessageDelivery.OF_MESSAGE, query = "select d from MessageDelivery d"
        + " where d.message.id = :messageId order by d.id")
@NamedQuery(name = MessageDelivery.OF_RECIPIENT, query = "select d from MessageDelivery d"
        + " where d.message.id = :messageId and d.recipient.id = :recipientId")
@NamedQuery(name = MessageDelivery.UNDELIVERED_FOR, query = "select d from MessageDelivery d"
        + " where d.recipient.id = :recipientId and d.state = org.carebridge.messaging.DeliveryState.SENT"
        + " and d.message.expiresAt > :now order by d.message.sentAt, d.id")
public class MessageDelivery {

    public static final String OF_MESSAGE = "MessageDelivery.ofMessage";
    /** One recipient's copy of one message. */
    public static final String OF_RECIPIENT = "MessageDelivery.ofRecipient";
    public static final String UNDELIVERED_FOR = "MessageDelivery.undeliveredFor";

    @Id
    @SequenceGenerator(name = "message_delivery_seq", sequenceName = "message_delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_delivery_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "message_id", nullable = false, updatable = false)
    private Message message;

    @ManyToOne(optional = false)
    @JoinColumn(name = "recipient_id", nullable = false, updatable = false)
    private User recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryState state = DeliveryState.SENT;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "response_position")
    private Integer responsePosition;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Version
    private long version;

    protected MessageDelivery() {
    }

    MessageDelivery(Message message, User recipient) {
        this.message = message;
        this.recipient = recipient;
    }

    /** A client of the recipient acknowledged the message. @return whether anything changed */
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
     * The recipient picks answer {@code position} (from 0) of a multiple-choice message. One
     * answer per recipient, while the message is still on clients; answering also reads it.
     */
    public void respond(int position, Instant now) {
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
    public String getResponseLabel() {
        if (responsePosition == null || message.isContentPurged()) {
            return null;
        }
        return message.getChoices().get(responsePosition);
    }

    public Long getId() { return id; }
    public Message getMessage() { return message; }
    public User getRecipient() { return recipient; }
    public DeliveryState getState() { return state; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public Instant getReadAt() { return readAt; }
    public Integer getResponsePosition() { return responsePosition; }
    public Instant getRespondedAt() { return respondedAt; }
    public long getVersion() { return version; }
}
