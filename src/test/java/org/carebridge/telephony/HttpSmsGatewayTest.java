package org.carebridge.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.carebridge.organization.PhoneNumber;
import org.junit.jupiter.api.Test;

/** The HTTP SMS gateway against a loopback stub of a REST SMS service, the recording default, and the text's rules. */
class HttpSmsGatewayTest {

    private static final PhoneNumber SENDER = PhoneNumber.parse("(617) 555-0100");
    private static final SmsMessage TEXT = new SmsMessage("outsider-link 77", PhoneNumber.parse("(508) 555-0123"),
            "Riverside General Hospital sent you a secure message: https://carebridge.test/outside/abc123");

    private static HttpSmsGateway gateway(URI baseUrl, Duration timeout) {
        return new HttpSmsGateway(new ProviderHttp.Settings(baseUrl, "AC-sms", "sms-token", timeout), SENDER);
    }

    @Test
    void postsToFromAndBodyToTheAccountsMessagesResource() {
        try (TelephonyStub stub = new TelephonyStub(request -> new TelephonyStub.Answer(201,
                "{\"sid\": \"SM0001\", \"status\": \"queued\"}"))) {
            assertEquals(SmsResult.accepted("SM0001", 201), gateway(stub.baseUrl(), Duration.ofSeconds(5)).send(TEXT));
            TelephonyStub.Request seen = stub.requests.get(0);
            assertEquals("POST", seen.method());
            assertEquals("/2010-04-01/Accounts/AC-sms/Messages.json", seen.path());
            assertEquals("Basic " + Base64.getEncoder().encodeToString("AC-sms:sms-token".getBytes(StandardCharsets.UTF_8)),
                    seen.headers().get("authorization"));
            assertEquals(List.of("To", "From", "Body"), List.copyOf(seen.form().keySet()));
            assertEquals("+15085550123", seen.form().get("To"));
            assertEquals("+16175550100", seen.form().get("From"));
            assertEquals(TEXT.text(), seen.form().get("Body"));
        }
    }

    @Test
    void aRefusedNumberIsRefusedAndNeitherNumberNorTextIsLogged() {
        try (TelephonyStub stub = new TelephonyStub(request -> new TelephonyStub.Answer(400,
                "{\"code\": 21614, \"message\": \"'To' number +15085550123 is not a mobile number\", \"status\": 400}"))) {
            List<String> logged = HttpVoiceCallProviderTest.logged(() -> assertEquals(SmsResult.refused(400, "21614"),
                    gateway(stub.baseUrl(), Duration.ofSeconds(5)).send(TEXT)));
            assertTrue(logged.stream().anyMatch(line -> line.contains("outsider-link 77")), logged::toString);
            assertTrue(logged.stream().noneMatch(line -> line.contains("0123") || line.contains("abc123")), logged::toString);
        }
    }

    @Test
    void serverErrorsTimeoutsAndNoServiceAreUnavailable() throws Exception {
        try (TelephonyStub stub = new TelephonyStub(request -> new TelephonyStub.Answer(500, null))) {
            assertEquals(SmsResult.unavailable(500, null), gateway(stub.baseUrl(), Duration.ofSeconds(5)).send(TEXT));
        }
        try (TelephonyStub stub = new TelephonyStub(request -> new TelephonyStub.Answer(201, "{\"sid\": \"SM-late\"}", 3_000))) {
            assertEquals(SmsResult.unavailable(0, "timeout"), gateway(stub.baseUrl(), Duration.ofMillis(300)).send(TEXT));
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertEquals(SmsResult.Outcome.UNAVAILABLE,
                gateway(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2)).send(TEXT).outcome());
    }

    @Test
    void theRecordingGatewayKeepsWhatWouldHaveBeenSentAndLogsNoNumberOrText() {
        RecordingSmsGateway recording = new RecordingSmsGateway(Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"),
                ZoneOffset.UTC));
        List<String> logged = HttpVoiceCallProviderTest.logged(() -> {
            for (int i = 0; i < RecordingSmsGateway.KEEP + 3; i++) {
                assertTrue(recording.send(new SmsMessage("text " + i, TEXT.to(), TEXT.text())).isAccepted());
            }
        });
        assertEquals(RecordingSmsGateway.KEEP, recording.recorded().size());
        assertEquals("text 3", recording.recorded().get(0).message().reference(), "the oldest are dropped");
        assertEquals(TEXT.text(), recording.recorded().get(0).message().text());
        assertTrue(logged.stream().noneMatch(line -> line.contains("0123") || line.contains("abc123")), logged::toString);
    }

    @Test
    void aTextHasItsTextWithinTwoSegmentsAndPrintsNeitherNumberNorText() {
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage("r", TEXT.to(), " "));
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage("r", TEXT.to(), "x".repeat(SmsMessage.TEXT_MAX + 1)));
        assertEquals(SmsMessage.TEXT_MAX, new SmsMessage("r", TEXT.to(), "x".repeat(SmsMessage.TEXT_MAX)).text().length());
        assertFalse(TEXT.toString().contains("0123") || TEXT.toString().contains("abc123"), TEXT.toString());
    }
}
