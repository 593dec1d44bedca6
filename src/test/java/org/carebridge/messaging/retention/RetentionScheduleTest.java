package org.carebridge.messaging.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;

import org.carebridge.TestEntities;
import org.carebridge.organization.Organization;
import org.carebridge.organization.RetentionPeriod;
import org.carebridge.organization.RetentionUnit;
import org.junit.jupiter.api.Test;

/** When the nightly purge runs, and which messages each organization's retention makes due. */
class RetentionScheduleTest {

    @Test
    void theNightlyRunIsAtTwoInTheMorningNewYorkTime() {
        // 2026-11-24 is standard time in New York (UTC-5).
        assertEquals(Instant.parse("2026-11-25T07:00:00Z"), RetentionSchedule.nextRun(Instant.parse("2026-11-24T12:00:00Z")));
        assertEquals(Instant.parse("2026-11-24T07:00:00Z"), RetentionSchedule.nextRun(Instant.parse("2026-11-24T06:59:59Z")));
        assertEquals(Instant.parse("2026-11-25T07:00:00Z"), RetentionSchedule.nextRun(Instant.parse("2026-11-24T07:00:00Z")),
                "a run at exactly 2:00 is this run; the next is tomorrow");
        // Daylight saving time (UTC-4) in summer.
        assertEquals(Instant.parse("2026-07-01T06:00:00Z"), RetentionSchedule.nextRun(Instant.parse("2026-06-30T23:00:00Z")));
    }

    @Test
    void theScheduleFollowsDaylightSavingChanges() {
        // 2027-03-14: clocks jump from 2:00 to 3:00; the run happens at the first instant after the gap.
        assertEquals(Instant.parse("2027-03-14T07:00:00Z"), RetentionSchedule.nextRun(Instant.parse("2027-03-14T05:00:00Z")));
        assertEquals(Instant.parse("2027-03-15T06:00:00Z"), RetentionSchedule.nextRun(Instant.parse("2027-03-14T07:00:00Z")));
        // 2026-11-01: clocks fall back from 2:00 EDT to 1:00 EST; 2:00 EST comes once, at 07:00 UTC.
        assertEquals(Instant.parse("2026-11-01T07:00:00Z"), RetentionSchedule.nextRun(Instant.parse("2026-11-01T05:30:00Z")));
    }

    @Test
    void theScheduleConstantsAreTheZoneAndTimeTheGuidePromises() {
        assertEquals(ZoneId.of("America/New_York"), RetentionSchedule.ZONE);
        assertEquals("2", RetentionSchedule.HOUR);
        assertEquals("0", RetentionSchedule.MINUTE);
    }

    @Test
    void anOrganizationWithoutRetentionHasNoCutoff() {
        assertNull(RetentionSchedule.cutoff(TestEntities.hospital(1), Instant.parse("2026-11-24T07:00:00Z")));
    }

    @Test
    void theCutoffCountsCalendarDaysAndMonthsInTheOrganizationsTimeZone() {
        Organization hospital = TestEntities.hospital(1);
        hospital.changeTimeZone(ZoneId.of("America/New_York"));
        Instant run = Instant.parse("2026-11-03T07:00:00Z"); // 2:00 EST, two days after clocks fell back

        hospital.changeRetention(new RetentionPeriod(3, RetentionUnit.DAYS));
        assertEquals(Instant.parse("2026-10-31T06:00:00Z"), RetentionSchedule.cutoff(hospital, run),
                "three local days back is 2:00 EDT, 73 hours earlier");

        hospital.changeRetention(new RetentionPeriod(1, RetentionUnit.MONTHS));
        assertEquals(Instant.parse("2026-10-03T06:00:00Z"), RetentionSchedule.cutoff(hospital, run));

        hospital.changeTimeZone(ZoneId.of("Asia/Tokyo"));
        hospital.changeRetention(new RetentionPeriod(1, RetentionUnit.WEEKS));
        assertEquals(Instant.parse("2026-10-27T07:00:00Z"), RetentionSchedule.cutoff(hospital, run), "no daylight saving");
    }
}
