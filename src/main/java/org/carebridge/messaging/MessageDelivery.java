package org.carebridge.messaging;

import java.time.Instant;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
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
 * One recipient's copy of a message, with its {@link Receipt}: whether a client acknowledged
 * it, whether it was read, and the answer to a multiple-choice message. The version column
 * stops two concurrent updates from moving the state back.
 */
@Entity
@Table(name = "message_delivery")
@NamedQuery(name = MessageDelivery.OF_MESSAGE, query = "select d from MessageDelivery d"
        + " where d.message.id = :messageId order by d.id")
@NamedQuery(name = MessageDelivery.OF_RECIPIENT, query = "select d from MessageDelivery d"
        + " where d.message.id = :messageId and d.recipient.id = :recipientId")
@NamedQuery(name = MessageDelivery.UNDELIVERED_FOR, query = "select d from MessageDelivery d"
        + " where d.recipient.id = :recipientId and d.receipt.state = org.carebridge.messaging.DeliveryState.SENT"
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

    @Embedded
    private Receipt receipt = new Receipt();

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
        return receipt.markDelivered(now);
    }

    /** The recipient opened the message; reading implies delivery. @return whether anything changed */
    public boolean markRead(Instant now) {
        return receipt.markRead(now);
    }

    /** The recipient picks answer {@code position} (from 0) of a multiple-choice message ({@link Receipt#respond}). */
    public void respond(int position, Instant now) {
        receipt.respond(message, position, now);
    }

    public boolean isResponded() {
        return receipt.isResponded();
    }

    /** The chosen answer's text; {@code null} when unanswered or once the message's content is purged. */
    public String getResponseLabel() {
        return receipt.responseLabel(message);
    }

    public Long getId() { return id; }
    public Message getMessage() { return message; }
    public User getRecipient() { return recipient; }
    public Receipt getReceipt() { return receipt; }
    public DeliveryState getState() { return receipt.getState(); }
    public Instant getDeliveredAt() { return receipt.getDeliveredAt(); }
    public Instant getReadAt() { return receipt.getReadAt(); }
    public Integer getResponsePosition() { return receipt.getResponsePosition(); }
    public Instant getRespondedAt() { return receipt.getRespondedAt(); }
    public long getVersion() { return version; }
}
