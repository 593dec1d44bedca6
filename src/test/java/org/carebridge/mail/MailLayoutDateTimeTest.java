package org.carebridge.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class MailLayoutDateTimeTest {

    private static final Instant MOMENT = Instant.parse("2026-12-01T18:00:00Z");

    @Test
    void showsTheMomentOnTheReadersClockAndNamesTheZone() {
        assertEquals("Dec 1, 2026, 1:00:00\u202FPM (America/New_York)".replace('\u202F', ' '),
                MailLayout.dateTime(MOMENT, ZoneId.of("America/New_York")).replace('\u202F', ' '));
        assertEquals("Dec 1, 2026, 10:00:00\u202FAM (America/Los_Angeles)".replace('\u202F', ' '),
                MailLayout.dateTime(MOMENT, ZoneId.of("America/Los_Angeles")).replace('\u202F', ' '));
    }
}
