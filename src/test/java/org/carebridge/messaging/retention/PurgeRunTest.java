package org.carebridge.messaging.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.carebridge.TestEntities;
import org.carebridge.organization.Organization;
import org.carebridge.organization.RetentionPeriod;
import org.carebridge.organization.RetentionUnit;
import org.junit.jupiter.api.Test;

/** The rules of a purge run's record: what it may start on, how it counts and ends. */
class PurgeRunTest {

    private static final Instant NOW = TestEntities.NOW;

    private static Organization withRetention() {
        Organization hospital = TestEntities.hospital(7);
        hospital.changeRetention(new RetentionPeriod(30, RetentionUnit.DAYS));
        return hospital;
    }

    @Test
    void onlyOrganizationsWithARetentionPeriodArePurged() {
        Organization forever = TestEntities.hospital(8);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new PurgeRun(forever, PurgeTrigger.MANUAL, NOW.minus(Duration.ofDays(1)), NOW));
        assertEquals("Hospital 8 keeps message content forever.", refused.getMessage());
    }

    @Test
    void theCutoffLiesInThePast() {
        assertThrows(IllegalArgumentException.class, () -> new PurgeRun(withRetention(), PurgeTrigger.SCHEDULED, NOW, NOW));
    }

    @Test
    void aRunCountsItsBatchesAndEndsOnce() {
        PurgeRun run = new PurgeRun(withRetention(), PurgeTrigger.SCHEDULED, NOW.minus(Duration.ofDays(30)), NOW);
        assertTrue(run.isRunning());
        assertNull(run.getEndedAt());
        run.purged(500);
        run.purged(12);
        run.purged(0);
        assertEquals(512, run.getMessagesPurged());
        assertThrows(IllegalArgumentException.class, () -> run.purged(-1));
        assertThrows(IllegalArgumentException.class, () -> run.end(PurgeRunState.RUNNING, NOW));

        run.end(PurgeRunState.COMPLETED, NOW.plusSeconds(4));
        assertEquals(PurgeRunState.COMPLETED, run.getState());
        assertEquals(NOW.plusSeconds(4), run.getEndedAt());
        assertThrows(IllegalStateException.class, () -> run.end(PurgeRunState.FAILED, NOW.plusSeconds(5)));
        assertThrows(IllegalStateException.class, () -> run.purged(1));
        assertEquals(512, run.getMessagesPurged());
    }

    @Test
    void anInterruptedRunNeverEndsBeforeItStarted() {
        PurgeRun run = new PurgeRun(withRetention(), PurgeTrigger.MANUAL, NOW.minus(Duration.ofDays(30)), NOW);
        run.end(PurgeRunState.INTERRUPTED, NOW.minusSeconds(1));
        assertEquals(NOW, run.getEndedAt());
    }

    @Test
    void theAuditDetailsAreMetadataOnly() {
        PurgeRun run = new PurgeRun(withRetention(), PurgeTrigger.SCHEDULED, Instant.parse("2026-10-25T06:00:00Z"), NOW);
        run.purged(42);
        run.end(PurgeRunState.COMPLETED, NOW);
        assertEquals("Trigger: \"Scheduled\"; Cutoff: \"2026-10-25T06:00:00Z\"; Messages purged: 42; Outcome: \"Completed\"",
                PurgeSteps.details(run));
    }
}
