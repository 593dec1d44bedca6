package org.carebridge.audit;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.carebridge.access.CurrentAdmin;
import org.carebridge.organization.Organization;
import org.carebridge.user.User;

/**
 * An {@link AuditTrail} for plain JUnit service tests: bound to the test's entity manager (so it
 * joins the same transaction as the service under test), with whoever {@code actor} names as
 * the signed-in administrator ({@code null}: nobody, so the system acts).
 */
public final class TestAuditTrail {

    private TestAuditTrail() {
    }

    public static AuditTrail on(EntityManager em, Clock clock, Supplier<User> actor) {
        AuditTrail trail = new AuditTrail();
        trail.em = em;
        trail.clock = clock;
        trail.admin = new CurrentAdmin() {
            @Override
            public boolean isSignedIn() {
                return actor.get() != null;
            }

            @Override
            public User user() {
                return actor.get();
            }
        };
        return trail;
    }

    /** The organization's events, newest first, read in a transaction of their own. */
    public static List<AuditEvent> eventsOf(EntityManager em, Organization organization) {
        return em.createQuery("select e from AuditEvent e where e.organization.id = :id order by e.occurredAt desc,"
                + " e.id desc", AuditEvent.class).setParameter("id", organization.getId()).getResultList();
    }
}
