package org.carebridge.integration;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.carebridge.messaging.Message;
import org.carebridge.organization.Organization;
import org.carebridge.user.User;
import org.carebridge.user.UserKind;

/**
 * The copy of a message for one badge, travelling through the badge user's organization's
 * connector: queued after the message commits, sent (again after the connector reconnects, up to
 * {@link #MAX_SENDS} times) until the connector acknowledges it, then possibly answered. The
 * {@code recipient} is the message's recipient whose delivery the acknowledgement and the answer
 * count for: the badge user itself, or the native user the badge user is linked to.
 */
@Entity
@Table(name = "badge_delivery")
@NamedQuery(name = BadgeDelivery.OF_BADGE_USER, query = "select b from BadgeDelivery b"
        + " where b.organization.id = :organizationId and b.message.id = :messageId"
        + " and b.badgeUser.externalId = :externalId")
@NamedQuery(name = BadgeDelivery.BADGE_USERS_OF_MESSAGE, query = "select b.badgeUser.id from BadgeDelivery b"
        + " where b.message.id = :messageId")
public class BadgeDelivery {

    public static final String OF_BADGE_USER = "BadgeDelivery.ofBadgeUser";
    public static final String BADGE_USERS_OF_MESSAGE = "BadgeDelivery.badgeUsersOfMessage";
    /** A copy the connector never acknowledges is sent this often at most (once per connection). */
    public static final int MAX_SENDS = 5;

    @Id
    @SequenceGenerator(name = "badge_delivery_seq", sequenceName = "badge_delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "badge_delivery_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "message_id", nullable = false, updatable = false)
    private Message message;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "recipient_id", nullable = false, updatable = false)
    private User recipient;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "badge_user_id", nullable = false, updatable = false)
    private User badgeUser;

    /** The badge user's organization: its connector carries the copy. */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id", nullable = false, updatable = false)
    private Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BadgeDeliveryState state = BadgeDeliveryState.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected BadgeDelivery() {
    }

    /** {@code message}'s copy for {@code badgeUser}'s badge, counted for {@code recipient}. */
    public BadgeDelivery(Message message, User recipient, User badgeUser, Instant now) {
        this.message = Objects.requireNonNull(message, "message");
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.badgeUser = Objects.requireNonNull(badgeUser, "badgeUser");
        if (badgeUser.getKind() != UserKind.EXTERNAL) {
            throw new IllegalArgumentException("Only external (badge) users have a badge");
        }
        boolean forItself = badgeUser.getId() != null && badgeUser.getId().equals(recipient.getId());
        boolean forLinked = badgeUser.getLinkedUser() != null
                && badgeUser.getLinkedUser().getId().equals(recipient.getId());
        if (!forItself && !forLinked) {
            throw new IllegalArgumentException("A badge receives the messages of its own user or of the linked profile");
        }
        this.organization = badgeUser.getOrganization();
        this.createdAt = now;
    }

    /** The connector acknowledged it. @return whether anything changed */
    public boolean acknowledged(Instant now) {
        if (!state.isBefore(BadgeDeliveryState.ACKNOWLEDGED)) {
            return false;
        }
        state = BadgeDeliveryState.ACKNOWLEDGED;
        acknowledgedAt = now;
        return true;
    }

    /** The badge user answered; an answer implies the copy arrived. */
    public void answered(Instant now) {
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
        }
        state = BadgeDeliveryState.ANSWERED;
        answeredAt = now;
    }

    public Long getId() { return id; }
    public Message getMessage() { return message; }
    public User getRecipient() { return recipient; }
    public User getBadgeUser() { return badgeUser; }
    public Organization getOrganization() { return organization; }
    public BadgeDeliveryState getState() { return state; }
    public int getAttempts() { return attempts; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public Instant getAnsweredAt() { return answeredAt; }
}
