package org.carebridge.platform.persistence;

import java.time.Clock;

import jakarta.persistence.EntityManager;

/** Builds {@link ClusterLocks} over a given entity manager, for tests outside the container. */
public final class ClusterLocksAccess {

    private ClusterLocksAccess() {
    }

    public static ClusterLocks over(EntityManager em, Clock clock) {
        ClusterLocks locks = new ClusterLocks();
        locks.em = em;
        locks.clock = clock;
        return locks;
    }
}
