package org.carebridge.integration;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImportRunTest {

    @Test
    void eachRecordFeedsItsCount() {
        ImportRun run = new ImportRun(hospital(1), ImportTrigger.MANUAL, NOW);
        for (ImportChange change : ImportChange.values()) {
            run.record(change, "100100", "vs-1", "Blair, Steve", null);
        }
        run.record(ImportChange.CREATED, "100101", "vs-2", "Bley, Carla", null);

        assertEquals(2, run.getCreated());
        assertEquals(1, run.getUpdated());
        assertEquals(1, run.getDeleted());
        assertEquals(1, run.getOverwritten());
        assertEquals(1, run.getUnchanged());
        assertEquals(1, run.getErrors());
        assertEquals(7, run.total());
    }

    @Test
    void recordsBelongToTheirRunAndCutOverlongValues() {
        ImportRun run = new ImportRun(hospital(1), ImportTrigger.SCHEDULED, NOW);
        ImportRecord record = run.record(ImportChange.ERROR, null, "x".repeat(200), "n".repeat(400), "m".repeat(2000));
        assertSame(run, record.getRun());
        assertEquals(128, record.getExternalId().length());
        assertEquals(300, record.getName().length());
        assertEquals(1000, record.getMessage().length());
    }

    @Test
    void aFinishedRunTakesNoMoreRecords() {
        ImportRun run = new ImportRun(hospital(1), ImportTrigger.MANUAL, NOW);
        assertTrue(run.isRunning());
        run.succeed(NOW.plusSeconds(30));
        assertFalse(run.isRunning());
        assertEquals(ImportRunState.SUCCEEDED, run.getState());
        assertEquals(NOW.plusSeconds(30), run.getEndedAt());
        assertThrows(IllegalStateException.class, () -> run.record(ImportChange.CREATED, null, null, null, null));
        assertThrows(IllegalStateException.class, () -> run.fail("late", NOW.plusSeconds(31)));
    }

    @Test
    void aFailedRunKeepsItsReasonAndCounts() {
        ImportRun run = new ImportRun(hospital(1), ImportTrigger.SCHEDULED, NOW);
        run.record(ImportChange.CREATED, "100100", "vs-1", "Blair, Steve", null);
        run.fail("Connector disconnected", NOW.minusSeconds(1));
        assertEquals(ImportRunState.FAILED, run.getState());
        assertEquals("Connector disconnected", run.getFailureMessage());
        assertEquals(1, run.getCreated());
        assertEquals(NOW, run.getEndedAt(), "a clock step back never ends a run before it started");
    }
}
