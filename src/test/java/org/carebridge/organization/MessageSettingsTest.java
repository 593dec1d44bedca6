package org.carebridge.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class MessageSettingsTest {

    @Test
    void everyExpirationChoiceIsValidAndTheDefaultIsSevenDays() {
        MessageExpiration.choices().forEach(c -> assertTrue(MessageExpiration.isValid(c.minutes()), c.label()));
        assertEquals(Duration.ofDays(7), MessageExpiration.duration(MessageExpiration.DEFAULT_MINUTES));
        assertEquals(MessageExpiration.MIN_MINUTES, MessageExpiration.choices().get(0).minutes());
        assertEquals(MessageExpiration.MAX_MINUTES,
                MessageExpiration.choices().get(MessageExpiration.choices().size() - 1).minutes());
    }

    @Test
    void expirationsSetOutsideTheConsoleStillReadWell() {
        assertEquals("2 Weeks", MessageExpiration.describe(20_160));
        assertEquals("5 Days", MessageExpiration.describe(7_200));
        assertEquals("3 Hours", MessageExpiration.describe(180));
        assertEquals("45 Minutes", MessageExpiration.describe(45));
    }

    @Test
    void retentionCutoffCountsCalendarUnitsInTheOrganizationsZone() {
        Instant now = Instant.parse("2026-03-31T12:00:00Z");
        ZoneId zone = ZoneId.of("America/New_York");
        // 08:00 New York time a month earlier, before daylight saving time began: 13:00 UTC.
        assertEquals(Instant.parse("2026-02-28T13:00:00Z"), new RetentionPeriod(1, RetentionUnit.MONTHS).cutoff(now, zone));
        assertEquals(Instant.parse("2026-03-17T12:00:00Z"), new RetentionPeriod(2, RetentionUnit.WEEKS).cutoff(now, zone));
        assertEquals(Instant.parse("2025-03-31T12:00:00Z"), new RetentionPeriod(1, RetentionUnit.YEARS).cutoff(now, zone));
        assertEquals("1 Year", new RetentionPeriod(1, RetentionUnit.YEARS).describe());
        assertEquals("10 Days", new RetentionPeriod(10, RetentionUnit.DAYS).describe());
    }

    @Test
    void retentionNeedsAPositiveAmountAndAUnit() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionPeriod(0, RetentionUnit.DAYS));
        assertThrows(IllegalArgumentException.class, () -> new RetentionPeriod(1001, RetentionUnit.DAYS));
        assertThrows(IllegalArgumentException.class, () -> new RetentionPeriod(1, null));
    }

    @Test
    void timeZonesAreIanaRegionsOnly() {
        assertTrue(TimeZones.choices().contains("America/New_York"));
        assertTrue(TimeZones.choices().contains("US/Pacific"));
        assertTrue(TimeZones.choices().stream().noneMatch(z -> z.startsWith("Etc/")));
        assertEquals(ZoneId.of("Europe/Paris"), TimeZones.parse(" Europe/Paris "));
        assertThrows(IllegalArgumentException.class, () -> TimeZones.parse("Mars/Olympus"));
        assertThrows(IllegalArgumentException.class, () -> TimeZones.parse(""));
    }
}
