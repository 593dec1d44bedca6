package org.carebridge.platform.persistence;

import java.lang.management.ManagementFactory;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Takes a named {@link ClusterLock} for the rest of the caller's transaction. */
@ApplicationScoped
public class ClusterLocks {

    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Blocks until no other transaction holds the lock, then holds it until this transaction
     * ends. Must be called inside a transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String name) {
        ClusterLock lock = em.find(ClusterLock.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (lock == null) {
            throw new IllegalStateException("Unknown cluster lock " + name + " (add it in a migration)");
        }
        lock.heldBy(NODE, clock.instant());
    }
}
