package org.carebridge.access;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Daily, forgets the PIN-attempt counters of unknown addresses nobody tried for
 * {@link #KEEP}. Every node may run it: it is one idempotent delete. Waits and locks never depend
 * on it (they are decided from the stored times).
 */
@Singleton
public class UnknownLoginPurge {

    private static final Logger LOG = Logger.getLogger(UnknownLoginPurge.class.getName());
    static final Duration KEEP = Duration.ofDays(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Schedule(hour = "3", minute = "17", persistent = false)
    public void forgetOld() {
        int removed = em.createQuery("delete from UnknownLogin u where u.lastFailedPinAt < :before")
                .setParameter("before", clock.instant().minus(KEEP)).executeUpdate();
        LOG.info(() -> "Forgot the PIN-attempt counters of " + removed + " unknown e-mail addresses");
    }
}
