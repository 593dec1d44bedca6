package org.carebridge.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.carebridge.user.User;

/**
 * Checks console sign-ins against the users table. Only native users who administer an
 * organization (or the system) and have chosen a password may sign in. The caller principal's
 * name is the user id, which stays stable when an e-mail address changes.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(ConsoleIdentityStore.class.getName());
    /** Verified when no such user exists, so a wrong address costs as long as a wrong password. */
    private static final String DUMMY_HASH_INPUT = "carebridge-timing-equaliser";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    private volatile String dummyHash;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String email = User.normalizeEmail(login.getCaller());
        List<User> found = em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", email).getResultList();
        User user = found.isEmpty() ? null : found.get(0);
        String password = login.getPasswordAsString();
        if (user == null || !user.hasPassword()) {
            hasher.matches(password, dummyHash());
            LOG.info("Console sign-in refused: unknown address or no password set");
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!hasher.matches(password, user.getPasswordHash())) {
            LOG.info(() -> "Console sign-in refused for user " + user.getId() + ": wrong password");
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!user.mayUseConsole()) {
            LOG.info(() -> "Console sign-in refused for user " + user.getId() + ": not an enabled administrator");
            return CredentialValidationResult.INVALID_RESULT;
        }
        Set<String> groups = new HashSet<>();
        if (user.isOrgAdmin()) {
            groups.add(Roles.ORG_ADMIN);
        }
        if (user.isSystemAdmin()) {
            groups.add(Roles.SYSTEM_ADMIN);
        }
        LOG.info(() -> "Console sign-in for user " + user.getId());
        return new CredentialValidationResult(String.valueOf(user.getId()), groups);
    }

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hasher.hash(DUMMY_HASH_INPUT);
        }
        return dummyHash;
    }
}
