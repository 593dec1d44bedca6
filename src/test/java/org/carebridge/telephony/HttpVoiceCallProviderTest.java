package org.carebridge.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.carebridge.organization.PhoneNumber;
import org.junit.jupiter.api.Test;

/** The HTTP voice provider against a loopback stub of a REST voice service: the request, and every kind of answer. */
class HttpVoiceCallProviderTest {

    private static final PhoneNumber CALLER = PhoneNumber.parse("(408) 555-0142");
    private static final PhoneNumber VOICE = PhoneNumber.parse("(617) 555-0101");
    private static final CallEndpoint BADGE = new CallEndpoint(PhoneNumber.parse("(617) 555-0199"), "4412",
            CallEndpoint.Line.BADGE);
    private static final BridgeRequest REQUEST = new BridgeRequest(1042, CALLER, BADGE, VOICE);

    private static HttpVoiceCallProvider provider(URI baseUrl, Duration timeout) {
        return new HttpVoiceCallProvider(new ProviderHttp.Settings(baseUrl, "AC-account-1", "secret-token", timeout));
    }

    @Test
    void asksTheServiceToRingTheCallerThenTheCalleeShowingTheVoiceNumberToBoth() {
        try (TelephonyStub stub = new TelephonyStub(request -> new TelephonyStub.Answer(201,
                "{\"sid\": \"CA1234567890\", \"status\": \"queued\"}"))) {
            CallPlacement placement = provider(stub.baseUrl(), Duration.ofSeconds(5)).bridge(REQUEST);
            assertEquals(CallPlacement.placed("CA1234567890", 201), placement);

            TelephonyStub.Request seen = stub.requests.get(0);
            assertEquals("POST", seen.method());
            assertEquals("/2010-04-01/Accounts/AC-account-1/Calls.json", seen.path());
            assertEquals("Basic " + Base64.getEncoder().encodeToString("AC-account-1:secret-token"
                    .getBytes(StandardCharsets.UTF_8)), seen.headers().get("authorization"));
            assertEquals("application/x-www-form-urlencoded", seen.headers().get("content-type"));
            assertEquals("+14085550142", seen.form().get("To"), "the caller's phone rings first");
            assertEquals("+16175550101", seen.form().get("From"), "showing the voice number");
            assertEquals("<Response><Dial callerId=\"+16175550101\"><Number sendDigits=\"ww4412\">+16175550199</Number>"
                    + "</Dial></Response>", seen.form().get("Twiml"),
                    "then the callee, showing the voice number, with the badge extension keyed in");
            assertEquals(List.of("To", "From", "Twiml"), List.copyOf(seen.form().keySet()));
        }
    }

    @Test
    void aCalleeWithoutExtensionIsDialledPlainly() {
        assertEquals("<Response><Dial callerId=\"+16175550101\"><Number>+14085550100</Number></Dial></Response>",
                HttpVoiceCallProvider.instructions(new CallEndpoint(PhoneNumber.parse("(408) 555-0100"), null,
                        CallEndpoint.Line.CELL), "+16175550101"));
    }

    @Test
    void aRefusalIsReportedByItsCodeNeverByTheServicesMessageWhichRepeatsTheNumber() {
        try (TelephonyStub stub = new TelephonyStub(request -> new TelephonyStub.Answer(400, """
                {"code": 21211, "message": "The 'To' number +14085550142 is not a valid phone number.",
                 "more_info": "https://example.invalid/errors/21211", "status": 400}"""))) {
            List<String> logged = logged(() -> {
                CallPlacement placement = provider(stub.baseUrl(), Duration.ofSeconds(5)).bridge(REQUEST);
                assertEquals(CallPlacement.refused(400, "21211"), placement);
                assertFalse(placement.isPlaced());
            });
            assertTrue(logged.stream().anyMatch(line -> line.contains("call 1042") && line.contains("21211")), logged::toString);
            assertTrue(logged.stream().noneMatch(line -> line.contains("555-0142") || line.contains("5550142")),
                    "no private number in the log: " + logged);
        }
    }

    @Test
    void badCredentialsAreARefusalToo() {
        try (TelephonyStub stub = new TelephonyStub(request -> new TelephonyStub.Answer(401, "{\"code\": 20003}"))) {
            assertEquals(CallPlacement.refused(401, "20003"), provider(stub.baseUrl(), Duration.ofSeconds(5)).bridge(REQUEST));
        }
    }

    @Test
    void serverErrorsAndRateLimitsMeanTheServiceIsUnavailable() {
        try (TelephonyStub stub = new TelephonyStub(request -> new TelephonyStub.Answer(503, "<html>down</html>"))) {
            assertEquals(CallPlacement.unavailable(503, null), provider(stub.baseUrl(), Duration.ofSeconds(5))
                    .bridge(REQUEST));
        }
        try (TelephonyStub stub = new TelephonyStub(request -> new TelephonyStub.Answer(429, "{\"code\": 20429}"))) {
            assertEquals(CallPlacement.unavailable(429, "20429"), provider(stub.baseUrl(), Duration.ofSeconds(5))
                    .bridge(REQUEST));
        }
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsUnavailable() {
        try (TelephonyStub stub = new TelephonyStub(request -> new TelephonyStub.Answer(201, "{\"sid\": \"late\"}", 3_000))) {
            long start = System.nanoTime();
            CallPlacement placement = provider(stub.baseUrl(), Duration.ofMillis(300)).bridge(REQUEST);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(CallPlacement.unavailable(0, "timeout"), placement);
            assertTrue(tookMillis < 2_500, "gave up after the timeout, not the answer: " + tookMillis + " ms");
        }
    }

    @Test
    void nobodyListeningIsUnavailable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CallPlacement placement = provider(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2)).bridge(REQUEST);
        assertEquals(CallPlacement.Outcome.UNAVAILABLE, placement.outcome());
        assertNull(placement.providerCallId());
    }

    @Test
    void theRequestNeverShowsItsNumbersWhenPrinted() {
        String printed = REQUEST.toString();
        assertTrue(printed.contains("1042") && printed.contains("(617) 555-0101"), printed);
        assertFalse(printed.contains("555-0142") || printed.contains("0199") || printed.contains("4412"), printed);
    }

    /** Runs {@code work} and returns what the telephony loggers logged meanwhile. */
    static List<String> logged(Runnable work) {
        Logger logger = Logger.getLogger("org.carebridge.telephony");
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            work.run();
        } finally {
            logger.removeHandler(handler);
        }
        return lines;
    }
}
