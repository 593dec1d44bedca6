package org.carebridge.messaging.outsider;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.carebridge.messaging.Conversation;

/**
 * The short browser session a link opens: one non-user, one conversation and nothing else. It
 * ends after a quiet spell (the idle timeout) and after {@link #LIFETIME_MAX} whatever happens;
 * only the SHA-256 of its cookie's token is stored.
 */
@Entity
@Table(name = "outsider_session")
@NamedQuery(name = OutsiderSession.BY_TOKEN, query = "select s from OutsiderSession s where s.tokenHash = :hash")
public class OutsiderSession {

    public static final String BY_TOKEN = "OutsiderSession.byToken";
    /** However busy, a session opened by a link ends after this. */
    public static final Duration LIFETIME_MAX = Duration.ofHours(4);

    @Id
    @SequenceGenerator(name = "outsider_session_seq", sequenceName = "outsider_session_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outsider_session_seq")
    private Long id;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "outsider_id", nullable = false, updatable = false)
    private Outsider outsider;

    @ManyToOne(optional = false)
    @JoinColumn(name = "conversation_id", nullable = false, updatable = false)
    private Conversation conversation;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected OutsiderSession() {
    }

    public OutsiderSession(Outsider outsider, Conversation conversation, String tokenHash, Instant now) {
        this.outsider = Objects.requireNonNull(outsider, "outsider");
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        if (!conversation.isOutsider(outsider)) {
            throw new IllegalArgumentException("This non-user is not part of the conversation.");
        }
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    /** Whether the session still works at {@code now}, ending after {@code idle} without a request. */
    public boolean isActive(Instant now, Duration idle) {
        return endedAt == null && now.isBefore(expiresAt(idle));
    }

    /** When it ends unless used again before. */
    public Instant expiresAt(Duration idle) {
        Instant idleEnd = lastSeenAt.plus(idle);
        Instant hardEnd = createdAt.plus(LIFETIME_MAX);
        return idleEnd.isBefore(hardEnd) ? idleEnd : hardEnd;
    }

    /** A request came: the idle time starts again. */
    public void touch(Instant now) {
        if (now.isAfter(lastSeenAt)) {
            lastSeenAt = now;
        }
    }

    /** The non-user left, or the session is no longer wanted. */
    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    public Long getId() { return id; }
    public Outsider getOutsider() { return outsider; }
    public Conversation getConversation() { return conversation; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }
    public Instant getEndedAt() { return endedAt; }
}
