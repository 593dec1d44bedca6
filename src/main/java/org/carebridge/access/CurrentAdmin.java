package org.carebridge.access;

import java.security.Principal;

import jakarta.enterprise.context.ContextNotActiveException;
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

    /**
     * Whether an administrator is signed in for this call. Outside a web request (start-up,
     * timers) nobody is; the security context then refuses to be asked rather than answering.
     */
    public boolean isSignedIn() {
        try {
            return security.getCallerPrincipal() != null;
        } catch (IllegalStateException notInAWebRequest) {
            return false;
        }
    }

    /**
     * The administrator signed in to the console, or {@code null} when the work runs for nobody
     * in particular: a timer, start-up, a client API call. Static, because outside a web request
     * even asking the request-scoped proxy fails.
     */
    public static User signedInOrNull(CurrentAdmin admin) {
        try {
            return admin.isSignedIn() ? admin.user() : null;
        } catch (ContextNotActiveException | NotInScopeException nobody) {
            return null;
        }
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
