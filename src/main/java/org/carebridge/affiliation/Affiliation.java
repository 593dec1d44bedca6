package org.carebridge.affiliation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;

/**
 * Two organizations that accepted to communicate. Affiliation is symmetric: the pair is stored
 * once, lower id first, and each side keeps its own association permission (and chosen
 * groups) narrowing which of its members the other side may reach. Deleting it is permanent
 * until a new invitation is accepted, which restarts the same row.
 */
@Entity
@Table(name = "affiliation")
@NamedQuery(name = Affiliation.BY_PAIR, query = "select a from Affiliation a"
        + " where a.organizationLow.id = :lowId and a.organizationHigh.id = :highId")
@NamedQuery(name = Affiliation.ACTIVE_OF_ORGANIZATION, query = "select a from Affiliation a"
        + " where (a.organizationLow.id = :organizationId or a.organizationHigh.id = :organizationId)"
        + " and a.state = org.carebridge.affiliation.AffiliationState.ACTIVE")
@NamedQuery(name = Affiliation.ALL_ACTIVE, query = "select a from Affiliation a"
        + " where a.state = org.carebridge.affiliation.AffiliationState.ACTIVE")
public class Affiliation {

    public static final String BY_PAIR = "Affiliation.byPair";
    public static final String ACTIVE_OF_ORGANIZATION = "Affiliation.activeOfOrganization";
    public static final String ALL_ACTIVE = "Affiliation.allActive";

    @Id
    @SequenceGenerator(name = "affiliation_seq", sequenceName = "affiliation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "affiliation_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_low_id", nullable = false, updatable = false)
    private Organization organizationLow;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_high_id", nullable = false, updatable = false)
    private Organization organizationHigh;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AffiliationState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "low_permission", nullable = false)
    private AssociationPermission lowPermission = AssociationPermission.WHOLE_ORGANIZATION;

    @Enumerated(EnumType.STRING)
    @Column(name = "high_permission", nullable = false)
    private AssociationPermission highPermission = AssociationPermission.WHOLE_ORGANIZATION;

    @ElementCollection
    @CollectionTable(name = "affiliation_group", joinColumns = @JoinColumn(name = "affiliation_id"))
    private List<ChosenGroup> chosenGroups = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** When the current period of affiliation began: creation, or the latest restart. */
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private long version;

    protected Affiliation() {
    }

    /** Affiliates two saved organizations, in either order; both sides start with the whole organization. */
    public Affiliation(Organization one, Organization other, Instant now) {
        Objects.requireNonNull(one, "one");
        Objects.requireNonNull(other, "other");
        if (one.getId() == null || other.getId() == null) {
            throw new IllegalStateException("Save both organizations before affiliating them");
        }
        if (one.getId().equals(other.getId())) {
            throw new IllegalArgumentException("An organization cannot be affiliated with itself.");
        }
        boolean oneIsLow = one.getId() < other.getId();
        this.organizationLow = oneIsLow ? one : other;
        this.organizationHigh = oneIsLow ? other : one;
        this.state = AffiliationState.ACTIVE;
        this.createdAt = now;
        this.startedAt = now;
    }

    public boolean isActive() {
        return state == AffiliationState.ACTIVE;
    }

    /** Whether {@code organization} is one of the two sides. */
    public boolean involves(Organization organization) {
        return isLow(organization) || isHigh(organization);
    }

    /** The affiliate of {@code side}. */
    public Organization otherSide(Organization side) {
        return checkedSide(side) == organizationLow ? organizationHigh : organizationLow;
    }

    /** What {@code side} lets the other side reach of its own members. */
    public AssociationPermission permissionOf(Organization side) {
        return checkedSide(side) == organizationLow ? lowPermission : highPermission;
    }

    /** The groups {@code side} exposes; empty unless its permission is {@link AssociationPermission#GROUPS}. */
    public List<ContactGroup> groupsOf(Organization side) {
        Long sideId = checkedSide(side).getId();
        return chosenGroups.stream().filter(c -> c.getOrganization().getId().equals(sideId))
                .map(ChosenGroup::getGroup).toList();
    }

    /**
     * Changes what {@code side} exposes to its affiliate. GROUPS needs at least one of the side's
     * own groups; the other permissions take no groups.
     */
    public void setPermission(Organization side, AssociationPermission permission, Collection<ContactGroup> groups) {
        Organization checked = checkedSide(side);
        Objects.requireNonNull(permission, "permission");
        if (!isActive()) {
            throw new IllegalStateException("This affiliation has been deleted. Invite the organization again first.");
        }
        List<ContactGroup> chosen = groups == null ? List.of() : List.copyOf(groups);
        if (permission == AssociationPermission.GROUPS) {
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("Choose at least one group.");
            }
            for (ContactGroup group : chosen) {
                if (!group.belongsTo(checked)) {
                    throw new IllegalArgumentException("The group " + group.getName() + " is not a group of "
                            + checked.getName() + ".");
                }
            }
        } else if (!chosen.isEmpty()) {
            throw new IllegalArgumentException("Groups can only be chosen with the chosen-groups permission.");
        }
        if (checked == organizationLow) {
            lowPermission = permission;
        } else {
            highPermission = permission;
        }
        Long sideId = checked.getId();
        chosenGroups.removeIf(c -> c.getOrganization().getId().equals(sideId));
        Set<Long> added = new HashSet<>();
        for (ContactGroup group : chosen) {
            if (group.getId() == null) {
                throw new IllegalStateException("Save the group " + group.getName() + " before choosing it");
            }
            if (added.add(group.getId())) {
                chosenGroups.add(new ChosenGroup(group));
            }
        }
    }

    /** Deletes the affiliation permanently: chosen groups are dropped and only a new invitation restarts it. */
    public void end(Instant now) {
        if (!isActive()) {
            return;
        }
        state = AffiliationState.ENDED;
        endedAt = now;
        chosenGroups.clear();
        lowPermission = AssociationPermission.WHOLE_ORGANIZATION;
        highPermission = AssociationPermission.WHOLE_ORGANIZATION;
    }

    /** Restarts an ended affiliation after a new invitation was accepted, with default permissions. */
    public void restart(Instant now) {
        if (isActive()) {
            throw new IllegalStateException("These organizations are already affiliates.");
        }
        state = AffiliationState.ACTIVE;
        startedAt = now;
        endedAt = null;
    }

    private boolean isLow(Organization side) {
        return sameOrganization(side, organizationLow);
    }

    private boolean isHigh(Organization side) {
        return sameOrganization(side, organizationHigh);
    }

    private Organization checkedSide(Organization side) {
        if (isLow(side)) {
            return organizationLow;
        }
        if (isHigh(side)) {
            return organizationHigh;
        }
        throw notASide(side);
    }

    private IllegalArgumentException notASide(Organization side) {
        return new IllegalArgumentException((side == null ? "No organization" : side.getName())
                + " is not part of this affiliation.");
    }

    private static boolean sameOrganization(Organization a, Organization b) {
        return a == b || a != null && a.getId() != null && a.getId().equals(b.getId());
    }

    public Long getId() { return id; }
    public Organization getOrganizationLow() { return organizationLow; }
    public Organization getOrganizationHigh() { return organizationHigh; }
    public AffiliationState getState() { return state; }
    public AssociationPermission getLowPermission() { return lowPermission; }
    public AssociationPermission getHighPermission() { return highPermission; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public long getVersion() { return version; }
}
