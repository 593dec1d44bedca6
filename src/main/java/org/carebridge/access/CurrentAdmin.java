package org.carebridge.access;

import java.security.Principal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;

import org.carebridge.organization.Organization;
import org.carebridge.user.User;

/** The administrator signed in to the console for this request. */
@Named
@RequestScoped
public class CurrentAdmin {

    @Inject
    SecurityContext security;

    @PersistenceContext
    EntityManager em;

    private User user;

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public User user() {
        if (user == null) {
            Principal principal = security.getCallerPrincipal();
            if (principal == null) {
                throw new NotInScopeException("Not signed in");
            }
            user = em.find(User.class, Long.valueOf(principal.getName()));
            if (user == null || !user.isAdministrator()) {
                throw new NotInScopeException("Signed-in user " + principal.getName() + " is no administrator");
            }
        }
        return user;
    }

    public Long userId() {
        return user().getId();
    }

    public Organization organization() {
        return user().getOrganization();
    }

    public boolean isSystemAdmin() {
        return isSignedIn() && security.isCallerInRole(Roles.SYSTEM_ADMIN) && user().isSystemAdmin();
    }

    /** For page templates: the signed-in administrator's name. */
    public String getName() {
        return isSignedIn() ? user().getFirstName() + " " + user().getLastName() : "";
    }
}
