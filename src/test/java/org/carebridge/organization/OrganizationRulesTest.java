package org.carebridge.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class OrganizationRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private Organization organization(String office) {
        return new Organization(OrganizationKind.HOSPITAL, "  Augustine Medical Center ", PhoneNumber.parse(office),
                ZoneId.of("US/Pacific"), NOW);
    }

    @Test
    void aNewOrganizationHasTheGuidesDefaults() {
        Organization org = organization("(408) 882-5830");
        assertEquals("Augustine Medical Center", org.getName(), "surrounding spaces are dropped");
        assertEquals(10_080, org.getMessageExpirationMinutes(), "7 days");
        assertNull(org.retention(), "content kept forever");
        assertEquals(30, org.getPrioritySoundSeconds());
        assertFalse(org.isWholeOrganizationMessaging());
        assertFalse(org.isNonUserMessaging());
        assertEquals("US/Pacific", org.getTimeZone());
    }

    @Test
    void aVoiceNumberIsDueOnlyWithoutOneAndWithoutATollFreeOffice() {
        Organization org = organization("(800) 555-0000");
        assertFalse(org.needsVoiceNumber());
        org.changeOfficeNumber(PhoneNumber.parse("(408) 882-5830"));
        assertTrue(org.needsVoiceNumber());
        org.assignVoiceNumber(PhoneNumber.parse("(408) 555-0100"));
        assertFalse(org.needsVoiceNumber());
        org.changeOfficeNumber(PhoneNumber.parse("(888) 555-0100"));
        assertEquals("(408) 555-0100", org.getVoiceNumber(), "kept when the office becomes toll-free");
        assertThrows(IllegalStateException.class, () -> org.assignVoiceNumber(PhoneNumber.parse("(408) 555-0101")));
    }

    @Test
    void expirationIsBetweenThirtyMinutesAndThirtyDays() {
        Organization org = organization("(408) 882-5830");
        org.changeMessageExpiration(30);
        org.changeMessageExpiration(43_200);
        assertThrows(IllegalArgumentException.class, () -> org.changeMessageExpiration(29));
        assertThrows(IllegalArgumentException.class, () -> org.changeMessageExpiration(43_201));
        assertEquals(43_200, org.getMessageExpirationMinutes(), "a refused value changes nothing");
    }

    @Test
    void soundLengthAndNameAreChecked() {
        Organization org = organization("(408) 882-5830");
        assertThrows(IllegalArgumentException.class, () -> org.changePrioritySoundLength(0));
        assertThrows(IllegalArgumentException.class, () -> org.changePrioritySoundLength(121));
        assertThrows(IllegalArgumentException.class, () -> org.rename(" "));
        assertThrows(IllegalArgumentException.class, () -> org.rename("x".repeat(201)));
        assertEquals("augustine medical center", Organization.nameKey(" Augustine Medical CENTER "));
    }

    @Test
    void retentionCanBeSetAndCleared() {
        Organization org = organization("(408) 882-5830");
        org.changeRetention(new RetentionPeriod(3, RetentionUnit.MONTHS));
        assertEquals(new RetentionPeriod(3, RetentionUnit.MONTHS), org.retention());
        org.changeRetention(null);
        assertNull(org.retention());
    }
}
