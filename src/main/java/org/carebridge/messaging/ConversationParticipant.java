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

import org.carebridge.user.User;

/** A user taking part in a conversation. Created by {@link Conversation#addParticipant}. */
@Entity
@Table(name = "conversation_participant")
@IdClass(ConversationParticipant.Key.class)
public class ConversationParticipant {

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "conversation_id", nullable = false, updatable = false)
    private Conversation conversation;

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private Instant joinedAt;

    protected ConversationParticipant() {
    }

    ConversationParticipant(Conversation conversation, User user, Instant joinedAt) {
        this.conversation = conversation;
        this.user = user;
        this.joinedAt = joinedAt;
    }

    public Conversation getConversation() { return conversation; }
    public User getUser() { return user; }
    public Instant getJoinedAt() { return joinedAt; }

    /** The primary key: conversation id and user id. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long conversation;
        private Long user;

        public Key() {
        }

        public Key(Long conversation, Long user) {
            this.conversation = conversation;
            this.user = user;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(conversation, k.conversation) && Objects.equals(user, k.user);
        }

        @Override
        public int hashCode() {
            return Objects.hash(conversation, user);
        }
    }
}
