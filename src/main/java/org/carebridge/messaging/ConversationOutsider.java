package org.carebridge.messaging;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.carebridge.messaging.outsider.Outsider;

/** A non-user taking part in a conversation. Created by {@link Conversation#addOutsider}. */
@Entity
@Table(name = "conversation_outsider")
@IdClass(ConversationOutsider.Key.class)
public class ConversationOutsider {

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "conversation_id", nullable = false, updatable = false)
    private Conversation conversation;

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "outsider_id", nullable = false, updatable = false)
    private Outsider outsider;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private Instant joinedAt;

    protected ConversationOutsider() {
    }

    ConversationOutsider(Conversation conversation, Outsider outsider, Instant joinedAt) {
        this.conversation = conversation;
        this.outsider = outsider;
        this.joinedAt = joinedAt;
    }

    public Conversation getConversation() { return conversation; }
    public Outsider getOutsider() { return outsider; }
    public Instant getJoinedAt() { return joinedAt; }

    /** The primary key: conversation id and non-user id. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long conversation;
        private Long outsider;

        public Key() {
        }

        public Key(Long conversation, Long outsider) {
            this.conversation = conversation;
            this.outsider = outsider;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(conversation, k.conversation) && Objects.equals(outsider, k.outsider);
        }

        @Override
        public int hashCode() {
            return Objects.hash(conversation, outsider);
        }
    }
}
