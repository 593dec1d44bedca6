package org.carebridge.audit;

import java.time.Clock;

import jakarta.persistence.EntityManager;

import org.carebridge.access.CurrentAdmin;

/** The real audit trail bound to a test's entity manager. */
public final class TestAudit {

    private TestAudit() {
    }

    public static AuditTrail trail(EntityManager em, Clock clock, CurrentAdmin admin) {
        AuditTrail trail = new AuditTrail();
        trail.em = em;
        trail.clock = clock;
        trail.admin = admin;
        return trail;
    }
}
