package org.carebridge.audit;

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

import org.carebridge.organization.Organization;
import org.carebridge.user.User;

/**
 * One line of the audit trail: who did what to what, and when. Written once and never changed
 * (every column is non-updatable and there are no setters). The actor's label is stored with
 * the event so the trail stays readable after the user is renamed or deleted. Details must
 * never hold secrets, PINs, message text or private numbers.
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = AuditEvent.OF_ORGANIZATION, query = "select e from AuditEvent e"
        + " where e.organization.id = :organizationId and e.occurredAt >= :from and e.occurredAt < :to"
        + " order by e.occurredAt desc, e.id desc")
@NamedQuery(name = AuditEvent.OF_TARGET, query = "select e from AuditEvent e"
        + " where e.targetType = :targetType and e.targetId = :targetId order by e.occurredAt desc, e.id desc")
public class AuditEvent {

    public static final String OF_ORGANIZATION = "AuditEvent.ofOrganization";
    public static final String OF_TARGET = "AuditEvent.ofTarget";
    public static final String SYSTEM_ACTOR = "System";
    public static final int CODE_MAX = 64;
    public static final int DETAILS_MAX = 4000;

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @ManyToOne
    @JoinColumn(name = "organization_id", updatable = false)
    private Organization organization;

    @ManyToOne
    @JoinColumn(name = "actor_user_id", updatable = false)
    private User actor;

    @Column(name = "actor_label", nullable = false, updatable = false)
    private String actorLabel;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "target_type", updatable = false)
    private String targetType;

    @Column(name = "target_id", updatable = false)
    private String targetId;

    @Column(updatable = false)
    private String details;

    /** Set for message events, so the trail can be read one conversation at a time. */
    @Column(name = "conversation_id", updatable = false)
    private Long conversationId;

    protected AuditEvent() {
    }

    private AuditEvent(Organization organization, User actor, String actorLabel, String action, String targetType,
            String targetId, String details, Instant now) {
        this.occurredAt = Objects.requireNonNull(now, "now");
        this.organization = organization;
        this.actor = actor;
        this.actorLabel = actorLabel;
        this.action = code(action, "action");
        if ((targetType == null) != (targetId == null)) {
            throw new IllegalArgumentException("An audit target needs both its type and its id");
        }
        this.targetType = targetType == null ? null : code(targetType, "target type");
        this.targetId = targetId == null ? null : code(targetId, "target id");
        this.details = details == null || details.length() <= DETAILS_MAX ? details
                : details.substring(0, DETAILS_MAX - 1) + "\u2026";
    }

    /** Something {@code actor} did, in {@code organization} ({@code null} for system-wide changes). */
    public static AuditEvent byUser(User actor, Organization organization, String action, String targetType,
            String targetId, String details, Instant now) {
        Objects.requireNonNull(actor, "actor");
        return new AuditEvent(organization, actor, labelOf(actor), action, targetType, targetId, details, now);
    }

    /** Something the server did on its own (purge, sync, expiry). */
    public static AuditEvent bySystem(Organization organization, String action, String targetType, String targetId,
            String details, Instant now) {
        return new AuditEvent(organization, null, SYSTEM_ACTOR, action, targetType, targetId, details, now);
    }

    /**
     * Something a person without an account did (a non-user reading or replying), named by
     * {@code actorLabel} — never their e-mail address or number.
     */
    public static AuditEvent byLabel(String actorLabel, Organization organization, String action, String targetType,
            String targetId, String details, Instant now) {
        Objects.requireNonNull(actorLabel, "actorLabel");
        return new AuditEvent(organization, null, actorLabel, action, targetType, targetId, details, now);
    }

    /** This event concerns a message of conversation {@code id}. */
    public AuditEvent inConversation(Long id) {
        this.conversationId = id;
        return this;
    }

    /**
     * "Doe, Jane (100950)": the name as the console lists people, and the staff id that never
     * changes. Details that name people (group members, say) use the same form.
     */
    public static String labelOf(User actor) {
        String label = actor.getSortName();
        return actor.getStaffId() == null ? label : label + " (" + actor.getStaffId() + ")";
    }

    private static String code(String value, String what) {
        if (value == null || value.isBlank() || value.length() > CODE_MAX || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("An audit " + what + " must be 1 to " + CODE_MAX
                    + " characters without spaces");
        }
        return value;
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public Organization getOrganization() { return organization; }
    public User getActor() { return actor; }
    public String getActorLabel() { return actorLabel; }
    public String getAction() { return action; }
    public String getTargetType() { return targetType; }
    public String getTargetId() { return targetId; }
    public String getDetails() { return details; }
    public Long getConversationId() { return conversationId; }
}
