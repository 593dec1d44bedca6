package org.carebridge.messaging.outsider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.carebridge.mail.MailMessage;
import org.carebridge.telephony.MobileNumber;
import org.carebridge.telephony.SmsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules on non-users' addresses and on what their notices say, without a database. */
class OutsiderRulesTest {

    private static final String LINK = "https://carebridge.example/m/" + "x".repeat(43);

    @Test
    void eMailAddressesAreKeptTrimmedAndInLowerCase() {
        OutsiderAddress address = OutsiderAddress.email("  Pat.Lee@Example.ORG ");
        assertEquals(new OutsiderAddress(OutsiderChannel.EMAIL, "pat.lee@example.org"), address);
        assertEquals("p\u2022\u2022\u2022@example.org", address.masked());
        assertFalse(address.toString().contains("pat"), "never the address in a log line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "pat", "pat@", "@example.org", "pat@example", "pat lee@example.org"})
    void malformedAddressesAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> OutsiderAddress.email(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(408) 555-0100|+14085550100",
        "408.555.0100|+14085550100",
        "1-408-555-0100|+14085550100",
        "+1 408 555 0100|+14085550100",
        "+44 7700 900123|+447700900123",
        "+49 (30) 901820|+4930901820"})
    void mobileNumbersAreNorthAmericanOrE164(String typed, String e164) {
        OutsiderAddress address = OutsiderAddress.mobile(typed);
        assertEquals(OutsiderChannel.SMS, address.channel());
        assertEquals(e164, address.address());
        assertEquals(e164, address.mobileNumber().e164());
        assertEquals("\u2022\u2022\u2022" + e164.substring(e164.length() - 4), address.masked());
        assertFalse(address.mobileNumber().toString().contains(e164.substring(2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"555-0100", "(108) 555-0100", "+1 408 155 0100", "+44 12", "+0 7700 900123",
            "+44 7700 900123 99999", "4085550100 ext 4", "+44+7700900123"})
    void otherNumbersAreRefused(String typed) {
        assertThrows(IllegalArgumentException.class, () -> OutsiderAddress.mobile(typed));
    }

    @Test
    void theMailNamesTheOrganizationAndTheLinkOnly() {
        MailMessage mail = OutsiderNoticeText.mail("pat@example.org", "Riverside <General>", LINK,
                Instant.parse("2026-12-01T17:00:00Z"), ZoneId.of("America/New_York"), Duration.ofMinutes(30));
        assertEquals("You have a secure message from Riverside <General>", mail.subject());
        assertTrue(mail.text().contains(LINK));
        assertTrue(mail.text().contains("Dec 1, 2026, 12:00:00 PM (America/New_York)"), mail.text());
        assertTrue(mail.text().contains("30 minutes"));
        assertTrue(mail.html().contains("Riverside &lt;General&gt;"), "escaped in HTML");
    }

    @Test
    void theTextMessageFitsTwoSegmentsShorteningALongOrganizationName() {
        String text = OutsiderNoticeText.sms("Riverside General Hospital", LINK);
        assertEquals("You have a secure message from Riverside General Hospital. Open it (the link works once): "
                + LINK, text);
        String longName = "N".repeat(300);
        String shortened = OutsiderNoticeText.sms(longName, LINK);
        assertEquals(SmsMessage.TEXT_MAX, shortened.length());
        assertTrue(shortened.endsWith(LINK));
        assertTrue(shortened.contains("NNN...."), "plain dots, inside the SMS alphabet");
        assertTrue(shortened.chars().allMatch(c -> c < 128));
        assertEquals(shortened, new SmsMessage("r", MobileNumber.parse("(408) 555-0100"), shortened).text());
    }
}
