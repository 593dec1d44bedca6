package org.carebridge.affiliation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;

/**
 * The affiliations of an organization: listing them, narrowing what one side exposes
 * (association permissions), and ending them for good. Callers pass entities already checked
 * by {@code AdminScope}.
 */
@ApplicationScoped
public class AffiliationService {

    private static final Logger LOG = Logger.getLogger(AffiliationService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /** Active affiliates of {@code side}, by name. */
    public List<AffiliateRow> affiliatesOf(Organization side) {
        List<Affiliation> active = em.createNamedQuery(Affiliation.ACTIVE_OF_ORGANIZATION, Affiliation.class)
                .setParameter("organizationId", side.getId()).getResultList();
        List<AffiliateRow> rows = new ArrayList<>(active.size());
        for (Affiliation a : active) {
            Organization other = a.otherSide(side);
            rows.add(new AffiliateRow(a.getId(), other.getId(), other.getName(), other.getKind().label(),
                    a.permissionOf(side)));
        }
        rows.sort(Comparator.comparing(r -> r.name().toLowerCase(java.util.Locale.ROOT)));
        return rows;
    }

    /**
     * Sets what {@code side} exposes to its affiliate. {@code groupIds} must be groups of
     * {@code side} and are used only with {@link AssociationPermission#GROUPS}.
     *
     * @throws IllegalArgumentException with a message for the page when the choice is invalid
     */
    @Transactional
    public void setPermission(Affiliation affiliation, Organization side, AssociationPermission permission,
            Collection<Long> groupIds) {
        Affiliation managed = em.find(Affiliation.class, affiliation.getId());
        List<ContactGroup> groups = new ArrayList<>();
        if (permission == AssociationPermission.GROUPS && groupIds != null) {
            for (Long id : groupIds) {
                ContactGroup group = em.find(ContactGroup.class, id);
                if (group == null || !group.belongsTo(side)) {
                    throw new IllegalArgumentException("Choose groups of your own organization.");
                }
                groups.add(group);
            }
        }
        String before = describePermission(managed, side);
        managed.setPermission(side, permission, groups);
        String after = describePermission(managed, side);
        if (!before.equals(after)) {
            recordOnBothSides(managed, AuditAction.AFFILIATION_PERMISSIONS_CHANGED,
                    "What " + side.getName() + " exposes to " + managed.otherSide(side).getName()
                            + ": \"" + before + "\" \u2192 \"" + after + "\"");
        }
        LOG.info(() -> "Organization " + side.getId() + " set its permission in affiliation " + managed.getId()
                + " to " + permission + (groups.isEmpty() ? "" : " (" + groups.size() + " groups)"));
    }

    /** Ends the affiliation for both sides; only a new accepted invitation restores it. */
    @Transactional
    public void end(Affiliation affiliation, Organization side) {
        Affiliation managed = em.find(Affiliation.class, affiliation.getId());
        if (!managed.isActive()) {
            return;
        }
        String before = "Before deletion: " + managed.getOrganizationLow().getName() + " exposed \""
                + describePermission(managed, managed.getOrganizationLow()) + "\"; "
                + managed.getOrganizationHigh().getName() + " exposed \""
                + describePermission(managed, managed.getOrganizationHigh()) + "\"";
        managed.end(clock.instant());
        recordOnBothSides(managed, AuditAction.AFFILIATION_ENDED, "Deleted by " + side.getName()
                + " (" + managed.getOrganizationLow().getName() + " and " + managed.getOrganizationHigh().getName()
                + " are no longer affiliates). " + before);
        LOG.info(() -> "Organization " + side.getId() + " ended affiliation " + managed.getId());
    }

    /**
     * An affiliation change concerns both organizations, so each one's trail shows it, whichever
     * administrator made it.
     */
    private void recordOnBothSides(Affiliation affiliation, AuditAction action, String details) {
        AuditTarget target = AuditTarget.affiliation(affiliation);
        audit.record(affiliation.getOrganizationLow(), action, target, details);
        audit.record(affiliation.getOrganizationHigh(), action, target, details);
    }

    /** "Whole organization", "None", or "Chosen groups: ICU, Pharmacy". */
    static String describePermission(Affiliation affiliation, Organization side) {
        AssociationPermission permission = affiliation.permissionOf(side);
        if (permission != AssociationPermission.GROUPS) {
            return permission.label();
        }
        return permission.label() + ": " + affiliation.groupsOf(side).stream().map(ContactGroup::getName)
                .sorted(String.CASE_INSENSITIVE_ORDER).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The groups {@code side} may choose from. */
    public List<ContactGroup> groupsOf(Organization side) {
        return em.createNamedQuery(ContactGroup.OF_ORGANIZATION, ContactGroup.class)
                .setParameter("organizationId", side.getId()).getResultList();
    }
}
