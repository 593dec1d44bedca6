package org.carebridge.user;

import jakarta.persistence.EntityManager;

/** Find Users over a given entity manager, for tests of other features outside the container. */
public final class UserAccess {

    private UserAccess() {
    }

    /** A {@link UserService} that can search (Find Users); its other collaborators are not wired. */
    public static UserService search(EntityManager em) {
        UserService service = new UserService();
        service.em = em;
        return service;
    }
}
