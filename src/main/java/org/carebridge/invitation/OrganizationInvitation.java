package org.carebridge.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

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

import org.carebridge.organization.Organization;
import org.carebridge.user.User;

/**
 * An organization's invitation to another organization to become affiliates, mailed to the
 * invited organization's administrators as a link. Only the SHA-256 of the link's token is
 * kept. It is answered once: accepted, replaced by a newer one, withdrawn, or left to expire.
 */
@Entity
@Table(name = "organization_invitation")
@NamedQuery(name = OrganizationInvitation.BY_HASH, query = "select i from OrganizationInvitation i"
        + " where i.tokenHash = :hash")
@NamedQuery(name = OrganizationInvitation.PENDING_BETWEEN, query = "select i from OrganizationInvitation i"
        + " where i.invitingOrganization.id = :invitingId and i.invitedOrganization.id = :invitedId"
        + " and i.state = org.carebridge.invitation.OrganizationInvitationState.PENDING")
@NamedQuery(name = OrganizationInvitation.PENDING_FOR_INVITED, query = "select i from OrganizationInvitation i"
        + " where i.invitedOrganization.id = :invitedId"
        + " and i.state = org.carebridge.invitation.OrganizationInvitationState.PENDING order by i.createdAt desc")
@NamedQuery(name = OrganizationInvitation.PENDING_FROM_INVITING, query = "select i from OrganizationInvitation i"
        + " where i.invitingOrganization.id = :invitingId"
        + " and i.state = org.carebridge.invitation.OrganizationInvitationState.PENDING order by i.createdAt desc")
@NamedQuery(name = OrganizationInvitation.OVERDUE, query = "select i from OrganizationInvitation i"
        + " where i.state = org.carebridge.invitation.OrganizationInvitationState.PENDING and i.expiresAt <= :now")
public class OrganizationInvitation {

    public static final String BY_HASH = "OrganizationInvitation.byHash";
    public static final String PENDING_BETWEEN = "OrganizationInvitation.pendingBetween";
    public static final String PENDING_FOR_INVITED = "OrganizationInvitation.pendingForInvited";
    public static final String PENDING_FROM_INVITING = "OrganizationInvitation.pendingFromInviting";
    public static final String OVERDUE = "OrganizationInvitation.overdue";
    public static final Duration LIFETIME = Duration.ofDays(7);

    @Id
    @SequenceGenerator(name = "organization_invitation_seq", sequenceName = "organization_invitation_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organization_invitation_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "inviting_organization_id", nullable = false, updatable = false)
    private Organization invitingOrganization;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invited_organization_id", nullable = false, updatable = false)
    private Organization invitedOrganization;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invited_by_id", nullable = false, updatable = false)
    private User invitedBy;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganizationInvitationState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @ManyToOne
    @JoinColumn(name = "responded_by_id")
    private User respondedBy;

    /** When it stopped being pending, whatever the reason. */
    @Column(name = "responded_at")
    private Instant respondedAt;

    @Version
    private long version;

    protected OrganizationInvitation() {
    }

    public OrganizationInvitation(Organization inviting, Organization invited, User invitedBy, String tokenHash,
            Instant now) {
        Objects.requireNonNull(inviting, "inviting");
        Objects.requireNonNull(invited, "invited");
        if (inviting == invited || inviting.getId() != null && inviting.getId().equals(invited.getId())) {
            throw new IllegalArgumentException("An organization cannot invite itself.");
        }
        this.invitingOrganization = inviting;
        this.invitedOrganization = invited;
        this.invitedBy = Objects.requireNonNull(invitedBy, "invitedBy");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.state = OrganizationInvitationState.PENDING;
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    public boolean isPending() {
        return state == OrganizationInvitationState.PENDING;
    }

    /** Whether the link still works: pending and not past its expiry. */
    public boolean isAcceptable(Instant now) {
        return isPending() && now.isBefore(expiresAt);
    }

    /** An administrator of the invited organization accepts; creating the affiliation is the caller's job. */
    public void accept(User administrator, Instant now) {
        Objects.requireNonNull(administrator, "administrator");
        if (!isPending()) {
            throw new IllegalStateException("This invitation has already been " + state.label().toLowerCase(Locale.ROOT)
                    + " and can no longer be accepted.");
        }
        if (!now.isBefore(expiresAt)) {
            throw new IllegalStateException("This invitation has expired. Ask " + invitingOrganization.getName()
                    + " to send a new one.");
        }
        close(OrganizationInvitationState.ACCEPTED, administrator, now);
    }

    /** A newer invitation between the same organizations takes this one's place. */
    public void replace(Instant now) {
        requirePending();
        close(OrganizationInvitationState.REPLACED, null, now);
    }

    public void withdraw(User administrator, Instant now) {
        Objects.requireNonNull(administrator, "administrator");
        requirePending();
        close(OrganizationInvitationState.WITHDRAWN, administrator, now);
    }

    /** Marks a pending invitation past its expiry as expired; does nothing to any other. */
    public boolean expireIfDue(Instant now) {
        if (!isPending() || now.isBefore(expiresAt)) {
            return false;
        }
        close(OrganizationInvitationState.EXPIRED, null, now);
        return true;
    }

    private void requirePending() {
        if (!isPending()) {
            throw new IllegalStateException("This invitation has already been " + state.label().toLowerCase(Locale.ROOT) + ".");
        }
    }

    private void close(OrganizationInvitationState newState, User by, Instant now) {
        this.state = newState;
        this.respondedBy = by;
        this.respondedAt = now;
    }

    public Long getId() { return id; }
    public Organization getInvitingOrganization() { return invitingOrganization; }
    public Organization getInvitedOrganization() { return invitedOrganization; }
    public User getInvitedBy() { return invitedBy; }
    public String getTokenHash() { return tokenHash; }
    public OrganizationInvitationState getState() { return state; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public User getRespondedBy() { return respondedBy; }
    public Instant getRespondedAt() { return respondedAt; }
    public long getVersion() { return version; }
}
