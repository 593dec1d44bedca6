package org.carebridge.access;

import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.carebridge.affiliation.Affiliation;
import org.carebridge.organization.Organization;

/**
 * The tenant check for console work: loads an organization the signed-in administrator may act
 * on, or refuses. Organization administrators act on their own organization only; system
 * administrators on any. Every console page and action that takes an organization id comes
 * through here.
 */
@RequestScoped
public class AdminScope {

    private static final Logger LOG = Logger.getLogger(AdminScope.class.getName());

    @Inject
    CurrentAdmin admin;

    @PersistenceContext
    EntityManager em;

    /**
     * @param requestedId the organization named by the request, or {@code null} for the
     *                    administrator's own
     */
    public Organization organization(Long requestedId) {
        Organization own = admin.organization();
        if (requestedId == null || requestedId.equals(own.getId())) {
            return own;
        }
        if (admin.isSystemAdmin()) {
            Organization other = em.find(Organization.class, requestedId);
            if (other != null) {
                return other;
            }
        }
        LOG.warning(() -> "Administrator " + admin.userId() + " refused access to organization " + requestedId);
        throw new NotInScopeException("Organization " + requestedId + " is not yours to administer");
    }

    /**
     * An active affiliation of {@code side} (an organization already checked through
     * {@link #organization(Long)}), or a refusal.
     */
    public Affiliation affiliation(Long affiliationId, Organization side) {
        Affiliation affiliation = affiliationId == null ? null : em.find(Affiliation.class, affiliationId);
        if (affiliation == null || !affiliation.isActive() || !affiliation.involves(side)) {
            LOG.warning(() -> "Administrator " + admin.userId() + " refused access to affiliation " + affiliationId);
            throw new NotInScopeException("Affiliation " + affiliationId + " is not one of organization " + side.getId());
        }
        return affiliation;
    }
}
