package org.carebridge.events;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One entry of a user's event log. Message events only point at their message (the text is
 * rendered when the event is sent, so expired or purged content is never replayed); the small
 * events keep a JSON payload that never contains message text.
 */
@Entity
@Table(name = "client_event")
@IdClass(LoggedEvent.Key.class)
@NamedQuery(name = LoggedEvent.AFTER, query = "select e from LoggedEvent e where e.userId = :userId"
        + " and e.sequence > :after order by e.sequence")
@NamedQuery(name = LoggedEvent.MESSAGES_BETWEEN, query = "select e.messageId from LoggedEvent e"
        + " where e.userId = :userId and e.sequence > :after and e.sequence <= :upTo"
        + " and e.type = 'message' and e.messageId is not null")
public class LoggedEvent {

    public static final String AFTER = "LoggedEvent.after";
    public static final String MESSAGES_BETWEEN = "LoggedEvent.messagesBetween";
    public static final int PAYLOAD_MAX = 1000;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Id
    private Long sequence;

    @Column(nullable = false, updatable = false)
    private String type;

    @Column(name = "conversation_id", updatable = false)
    private Long conversationId;

    @Column(name = "message_id", updatable = false)
    private Long messageId;

    @Column(updatable = false)
    private String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected LoggedEvent() {
    }

    LoggedEvent(long userId, long sequence, EventType type, Long conversationId, Long messageId, String payload,
            Instant now) {
        if (payload != null && payload.length() > PAYLOAD_MAX) {
            throw new IllegalArgumentException("An event payload is at most " + PAYLOAD_MAX + " characters");
        }
        this.userId = userId;
        this.sequence = sequence;
        this.type = type.code();
        this.conversationId = conversationId;
        this.messageId = messageId;
        this.payload = payload;
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    public Long getUserId() { return userId; }
    public Long getSequence() { return sequence; }
    public EventType getType() { return EventType.ofCode(type); }
    public Long getConversationId() { return conversationId; }
    public Long getMessageId() { return messageId; }
    /** JSON, or {@code null} for message events. */
    public String getPayload() { return payload; }
    public Instant getCreatedAt() { return createdAt; }

    /** The primary key: user and sequence. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long userId;
        private Long sequence;

        public Key() {
        }

        public Key(Long userId, Long sequence) {
            this.userId = userId;
            this.sequence = sequence;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(sequence, k.sequence);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, sequence);
        }
    }
}
