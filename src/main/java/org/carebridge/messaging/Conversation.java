package org.carebridge.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.carebridge.messaging.outsider.Outsider;
import org.carebridge.organization.Organization;
import org.carebridge.user.User;

/**
 * A thread of messages between participants: users and, where the starter's organization allows
 * it, non-users reached by e-mail or text message. The organization of the user who started it
 * decides how long its message content is retained, whoever sends later messages.
 */
@Entity
@Table(name = "conversation")
@NamedQuery(name = Conversation.OF_PARTICIPANT, query = "select c from Conversation c join c.participants p"
        + " where p.user.id = :userId order by c.lastMessageAt desc, c.id desc")
public class Conversation {

    public static final String OF_PARTICIPANT = "Conversation.ofParticipant";

    @Id
    @SequenceGenerator(name = "conversation_seq", sequenceName = "conversation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "initiator_organization_id", nullable = false, updatable = false)
    private Organization initiatorOrganization;

    @ManyToOne(optional = false)
    @JoinColumn(name = "started_by_id", nullable = false, updatable = false)
    private User startedBy;

    @OneToMany(mappedBy = "conversation", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ConversationParticipant> participants = new ArrayList<>();

    @OneToMany(mappedBy = "conversation", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ConversationOutsider> outsiders = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_message_at", nullable = false)
    private Instant lastMessageAt;

    protected Conversation() {
    }

    /** {@code startedBy} opens a conversation with {@code others}; whether they may reach them is checked before. */
    public Conversation(User startedBy, Collection<User> others, Instant now) {
        this(startedBy, others, List.of(), now);
    }

    /**
     * {@code startedBy} opens a conversation with users {@code others} and non-users
     * {@code outsiders}; whether they may write to them is checked before.
     */
    public Conversation(User startedBy, Collection<User> others, Collection<Outsider> outsiders, Instant now) {
        this.startedBy = Objects.requireNonNull(startedBy, "startedBy");
        this.initiatorOrganization = startedBy.getOrganization();
        this.createdAt = now;
        this.lastMessageAt = now;
        addParticipant(startedBy, now);
        for (User other : others) {
            addParticipant(other, now);
        }
        for (Outsider outsider : outsiders) {
            addOutsider(outsider, now);
        }
        if (participants.size() + this.outsiders.size() < 2) {
            throw new IllegalArgumentException("Choose at least one person to write to.");
        }
    }

    /** Adds a participant; adding one already there changes nothing. */
    public void addParticipant(User user, Instant now) {
        Objects.requireNonNull(user, "user");
        if (!isParticipant(user)) {
            participants.add(new ConversationParticipant(this, user, now));
        }
    }

    /** Adds a non-user; adding one already there changes nothing. */
    public void addOutsider(Outsider outsider, Instant now) {
        Objects.requireNonNull(outsider, "outsider");
        if (!isOutsider(outsider)) {
            outsiders.add(new ConversationOutsider(this, outsider, now));
        }
    }

    /** Whether {@code outsider} is a non-user of this conversation. */
    public boolean isOutsider(Outsider outsider) {
        return outsiders.stream().anyMatch(o -> Outsider.same(o.getOutsider(), outsider));
    }

    public boolean hasOutsiders() {
        return !outsiders.isEmpty();
    }

    public boolean isParticipant(User user) {
        return participants.stream().anyMatch(p -> sameUser(p.getUser(), user));
    }

    /** Keeps the conversation's place in lists: the latest message time never moves back. */
    void messageSent(Instant sentAt) {
        if (sentAt.isAfter(lastMessageAt)) {
            lastMessageAt = sentAt;
        }
    }

    static boolean sameUser(User a, User b) {
        return a == b || a != null && b != null && a.getId() != null && a.getId().equals(b.getId());
    }

    public Long getId() { return id; }
    public Organization getInitiatorOrganization() { return initiatorOrganization; }
    public User getStartedBy() { return startedBy; }
    public List<ConversationParticipant> getParticipants() { return Collections.unmodifiableList(participants); }
    public List<ConversationOutsider> getOutsiders() { return Collections.unmodifiableList(outsiders); }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastMessageAt() { return lastMessageAt; }
}
