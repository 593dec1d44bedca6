package org.carebridge.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.user.User;

/**
 * The directory clock: one database counter that orders the changes clients must see (a name,
 * title, credentials, job title, status or organization name). A change increments it in its own
 * transaction and stamps the users it touched with the new value; incremental sync asks for
 * users stamped after the value in the client's token.
 *
 * <p>The increment locks the counter's row until the change commits, so values become visible in
 * the order they were taken: once a reader sees value N, every change stamped N or lower has
 * committed. A plain sequence would not promise that (a change can take 10, commit after one
 * that took 11, and be missed by a reader who saw 11). Directory-visible edits are rare next to
 * reads, so the short lock costs nothing noticeable. No node's clock is involved.
 */
@ApplicationScoped
public class DirectoryClock {

    @PersistenceContext
    EntityManager em;

    /** A clock over a given entity manager, for tests outside the container. */
    public static DirectoryClock over(EntityManager em) {
        DirectoryClock clock = new DirectoryClock();
        clock.em = em;
        return clock;
    }

    /** The newest committed value. Read it before reading the directory it describes. */
    public long current() {
        return ((Number) em.createNativeQuery("select last_change from directory_clock where id = 1")
                .getSingleResult()).longValue();
    }

    /** Takes the next value; the caller's transaction holds the counter until it ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long tick() {
        em.createNativeQuery("update directory_clock set last_change = last_change + 1 where id = 1").executeUpdate();
        return current();
    }

    /** {@code user} changed in a way its contacts must see. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(User user) {
        user.directoryChanged(tick());
    }

    /** Something every member's directory entry shows changed (the organization's name). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void organizationChanged(long organizationId) {
        long value = tick();
        em.createQuery("update User u set u.directoryVersion = :value where u.organization.id = :organization")
                .setParameter("value", value).setParameter("organization", organizationId).executeUpdate();
    }
}
