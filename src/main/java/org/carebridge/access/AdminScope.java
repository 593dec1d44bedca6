package org.carebridge.access;

import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.carebridge.affiliation.Affiliation;
import org.carebridge.group.ContactGroup;
import org.carebridge.invitation.UserInvitation;
import org.carebridge.organization.Organization;
import org.carebridge.user.User;

/**
 * The tenant check for console work: loads an organization the signed-in administrator may act
 * on, or refuses. Organization administrators act on their own organization only; system
 * administrators on any. Every console page and action that takes an organization id, or the id
 * of something an organization owns, comes through here.
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

    /**
     * A contacts group whose organization the administrator may act on. Unknown ids and other
     * organizations' groups are refused alike, so an id reveals nothing about other tenants.
     */
    public ContactGroup group(Long groupId) {
        ContactGroup group = groupId == null ? null : em.find(ContactGroup.class, groupId);
        if (group == null) {
            LOG.warning(() -> "Administrator " + admin.userId() + " asked for unknown group " + groupId);
            throw new NotInScopeException("No group " + groupId);
        }
        organization(group.getOrganization().getId());
        return group;
    }

    /**
     * A user (native or external) of an organization the administrator may act on. Unknown ids,
     * other organizations' users and users a sync removed (kept only for history) are refused alike.
     */
    public User user(Long userId) {
        User user = userId == null ? null : em.find(User.class, userId);
        if (user == null || user.isRemoved()) {
            LOG.warning(() -> "Administrator " + admin.userId() + " asked for unknown or removed user " + userId);
            throw new NotInScopeException("No user " + userId);
        }
        organization(user.getOrganization().getId());
        return user;
    }

    /**
     * A user invitation of an organization the administrator may act on. Unknown ids, deleted
     * invitations and other organizations' invitations are refused alike.
     */
    public UserInvitation invitation(Long invitationId) {
        UserInvitation invitation = invitationId == null ? null : em.find(UserInvitation.class, invitationId);
        if (invitation == null || invitation.isDeleted()) {
            LOG.warning(() -> "Administrator " + admin.userId() + " asked for unknown invitation " + invitationId);
            throw new NotInScopeException("No invitation " + invitationId);
        }
        organization(invitation.getOrganization().getId());
        return invitation;
    }
}
