package org.carebridge.reachability;

import jakarta.persistence.EntityManager;

/** Builds a {@link Reachability} over a given entity manager, for tests and benchmarks outside the container. */
public final class ReachabilityAccess {

    private ReachabilityAccess() {
    }

    public static Reachability over(EntityManager em) {
        Reachability reachability = new Reachability();
        reachability.em = em;
        return reachability;
    }
}
