package org.carebridge.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.carebridge.messaging.outsider.Outsider;
import org.carebridge.messaging.outsider.OutsiderDelivery;
import org.carebridge.organization.MessageExpiration;
import org.carebridge.organization.Organization;
import org.carebridge.user.User;

/**
 * One message in a conversation, optionally high priority and optionally multiple choice. It
 * expires on clients after the sender's organization's expiration time; its content (text and
 * choices) is removed by the retention purge while the row stays as metadata. Its sender is a
 * user or, for a reply from the page a link opened, a non-user (then plain text, normal
 * priority, and the expiration of the organization that wrote to them) — exactly one of the two.
 */
@Entity
@Table(name = "message")
@NamedQuery(name = Message.OF_CONVERSATION, query = "select m from Message m"
        + " where m.conversation.id = :conversationId order by m.sentAt, m.id")
@NamedQuery(name = Message.BY_CLIENT_ID, query = "select m from Message m"
        + " where m.sender.id = :senderId and m.clientMessageId = :clientMessageId")
@NamedQuery(name = Message.BY_OUTSIDER_CLIENT_ID, query = "select m from Message m"
        + " where m.senderOutsider.id = :outsiderId and m.clientMessageId = :clientMessageId")
@NamedQuery(name = Message.EXPIRED_UNANNOUNCED, query = "select m from Message m"
        + " where m.expiryAnnounced = false and m.expiresAt <= :now order by m.expiresAt, m.id")
@NamedQuery(name = Message.DUE_FOR_PURGE, query = "select m from Message m"
        + " where m.conversation.initiatorOrganization.id = :organizationId"
        + " and m.contentPurgedAt is null and m.sentAt < :cutoff order by m.id")
public class Message {

    public static final String OF_CONVERSATION = "Message.ofConversation";
    public static final String BY_CLIENT_ID = "Message.byClientId";
    public static final String BY_OUTSIDER_CLIENT_ID = "Message.byOutsiderClientId";
    public static final String DUE_FOR_PURGE = "Message.dueForPurge";
    public static final String EXPIRED_UNANNOUNCED = "Message.expiredUnannounced";
    public static final int BODY_MAX = 4000;
    public static final int CLIENT_ID_MAX = 64;
    public static final int CHOICES_MIN = 2;
    public static final int CHOICES_MAX = 10;
    public static final int CHOICE_MAX = 200;

    @Id
    @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "conversation_id", nullable = false, updatable = false)
    private Conversation conversation;

    /** {@code null} when a non-user wrote it. */
    @ManyToOne
    @JoinColumn(name = "sender_id", updatable = false)
    private User sender;

    /** {@code null} when a user wrote it. */
    @ManyToOne
    @JoinColumn(name = "sender_outsider_id", updatable = false)
    private Outsider senderOutsider;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sender_organization_id", nullable = false, updatable = false)
    private Organization senderOrganization;

    @Column(name = "client_message_id", nullable = false, updatable = false)
    private String clientMessageId;

    private String body;

    @ElementCollection
    @CollectionTable(name = "message_choice", joinColumns = @JoinColumn(name = "message_id"))
    @OrderColumn(name = "position")
    @Column(name = "label", nullable = false)
    private List<String> choices = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MessagePriority priority;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "content_purged_at")
    private Instant contentPurgedAt;

    @Column(name = "expiry_announced", nullable = false)
    private boolean expiryAnnounced;

    protected Message() {
    }

    /**
     * {@code sender}, a participant, sends {@code body} into {@code conversation}. {@code choices}
     * is empty for a plain message, or the answers of a multiple-choice message in order.
     */
    public Message(Conversation conversation, User sender, String clientMessageId, String body,
            MessagePriority priority, List<String> choices, Instant now) {
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.sender = Objects.requireNonNull(sender, "sender");
        if (!conversation.isParticipant(sender)) {
            throw new IllegalArgumentException("Only participants can write in this conversation.");
        }
        accept(sender.getOrganization(), clientMessageId, body, priority, choices, now);
    }

    /**
     * Non-user {@code sender}, written to in {@code conversation}, replies {@code body}: plain
     * text at normal priority, expiring by the organization that wrote to them.
     */
    public Message(Conversation conversation, Outsider sender, String clientMessageId, String body, Instant now) {
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.senderOutsider = Objects.requireNonNull(sender, "sender");
        if (!conversation.isOutsider(sender)) {
            throw new IllegalArgumentException("Only participants can write in this conversation.");
        }
        accept(sender.getOrganization(), clientMessageId, body, MessagePriority.NORMAL, List.of(), now);
    }

    private void accept(Organization organization, String clientMessageId, String body, MessagePriority priority,
            List<String> choices, Instant now) {
        if (clientMessageId == null || clientMessageId.isBlank() || clientMessageId.length() > CLIENT_ID_MAX) {
            throw new IllegalArgumentException("A client message id must be 1 to " + CLIENT_ID_MAX + " characters");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("Write a message.");
        }
        if (body.length() > BODY_MAX) {
            throw new IllegalArgumentException("A message can be at most " + BODY_MAX + " characters.");
        }
        this.senderOrganization = organization;
        this.clientMessageId = clientMessageId;
        this.body = body;
        this.choices = checkedChoices(choices);
        this.priority = Objects.requireNonNull(priority, "priority");
        this.sentAt = now;
        this.expiresAt = now.plus(MessageExpiration.duration(senderOrganization.getMessageExpirationMinutes()));
        conversation.messageSent(now);
    }

    private static List<String> checkedChoices(List<String> choices) {
        if (choices == null || choices.isEmpty()) {
            return new ArrayList<>();
        }
        if (choices.size() < CHOICES_MIN || choices.size() > CHOICES_MAX) {
            throw new IllegalArgumentException("A multiple-choice message needs " + CHOICES_MIN + " to " + CHOICES_MAX
                    + " answers.");
        }
        List<String> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String choice : choices) {
            String stripped = choice == null ? "" : choice.strip();
            if (stripped.isEmpty()) {
                throw new IllegalArgumentException("An answer cannot be empty.");
            }
            if (stripped.length() > CHOICE_MAX) {
                throw new IllegalArgumentException("An answer can be at most " + CHOICE_MAX + " characters.");
            }
            if (!seen.add(stripped)) {
                throw new IllegalArgumentException("The answer \"" + stripped + "\" is offered twice.");
            }
            checked.add(stripped);
        }
        return checked;
    }

    /** A delivery of this message to {@code recipient}, a participant other than the sender, for the caller to persist. */
    public MessageDelivery deliverTo(User recipient) {
        Objects.requireNonNull(recipient, "recipient");
        if (Conversation.sameUser(recipient, sender)) {
            throw new IllegalArgumentException("The sender does not receive their own message.");
        }
        if (!conversation.isParticipant(recipient)) {
            throw new IllegalArgumentException(recipient.getDisplayName() + " is not part of this conversation.");
        }
        return new MessageDelivery(this, recipient);
    }

    /** A copy for {@code outsider}, a non-user of the conversation other than the sender, for the caller to persist. */
    public OutsiderDelivery deliverTo(Outsider outsider, Instant now) {
        return new OutsiderDelivery(this, outsider, now);
    }

    /**
     * Whether answer {@code position} (from 0) can be chosen at all: the message offers answers,
     * has that many and still has its content. Whether one recipient may still answer is their
     * delivery's rule.
     *
     * @throws IllegalArgumentException for a message without answers or a position out of range
     * @throws IllegalStateException once the content is purged
     */
    public void checkAnswer(int position) {
        if (isContentPurged()) {
            throw new IllegalStateException("This message's content has been removed; it can no longer be answered.");
        }
        if (!isMultipleChoice()) {
            throw new IllegalArgumentException("This message has no answers to choose from.");
        }
        if (position < 0 || position >= choices.size()) {
            throw new IllegalArgumentException("Choose one of the " + choices.size() + " answers.");
        }
    }

    public boolean isFromOutsider() {
        return senderOutsider != null;
    }

    /** The sender as people in the conversation know them: a user's name, or a non-user's address. */
    public String senderName() {
        return isFromOutsider() ? senderOutsider.getAddress() : sender.getDisplayName();
    }

    public boolean isSentBy(User user) {
        return sender != null && Conversation.sameUser(sender, user);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The participants were told the message expired; it is never announced twice. */
    public void expiryAnnounced() {
        expiryAnnounced = true;
    }

    public boolean isExpiryAnnounced() {
        return expiryAnnounced;
    }

    public boolean isContentPurged() {
        return contentPurgedAt != null;
    }

    public boolean isMultipleChoice() {
        return !choices.isEmpty();
    }

    /** Removes the text and the answers for retention; who wrote to whom and when stays. */
    public void purgeContent(Instant now) {
        if (contentPurgedAt == null) {
            body = null;
            choices.clear();
            contentPurgedAt = now;
        }
    }

    public Long getId() { return id; }
    public Conversation getConversation() { return conversation; }
    /** The user who wrote it; {@code null} when a non-user did ({@link #getSenderOutsider()}). */
    public User getSender() { return sender; }
    /** The non-user who wrote it; {@code null} when a user did. */
    public Outsider getSenderOutsider() { return senderOutsider; }
    public Organization getSenderOrganization() { return senderOrganization; }
    public String getClientMessageId() { return clientMessageId; }
    /** {@code null} once purged. */
    public String getBody() { return body; }
    /** Empty for a plain message and once purged. */
    public List<String> getChoices() { return Collections.unmodifiableList(choices); }
    public MessagePriority getPriority() { return priority; }
    public Instant getSentAt() { return sentAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getContentPurgedAt() { return contentPurgedAt; }
}
