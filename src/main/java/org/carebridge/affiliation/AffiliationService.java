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
        managed.setPermission(side, permission, groups);
        LOG.info(() -> "Organization " + side.getId() + " set its permission in affiliation " + managed.getId()
                + " to " + permission + (groups.isEmpty() ? "" : " (" + groups.size() + " groups)"));
    }

    /** Ends the affiliation for both sides; only a new accepted invitation restores it. */
    @Transactional
    public void end(Affiliation affiliation, Organization side) {
        Affiliation managed = em.find(Affiliation.class, affiliation.getId());
        managed.end(clock.instant());
        LOG.info(() -> "Organization " + side.getId() + " ended affiliation " + managed.getId());
    }

    /** The groups {@code side} may choose from. */
    public List<ContactGroup> groupsOf(Organization side) {
        return em.createNamedQuery(ContactGroup.OF_ORGANIZATION, ContactGroup.class)
                .setParameter("organizationId", side.getId()).getResultList();
    }
}
