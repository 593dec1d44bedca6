package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.json.JsonObject;

import org.carebridge.audit.AuditEvent;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.telephony.CallOutcome;
import org.carebridge.telephony.CallRequest;
import org.carebridge.telephony.TelephonyStub;
import org.carebridge.user.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Masked calls over HTTP against the real WAR on Payara Micro (PostgreSQL), with the server's
 * HTTP voice provider pointed at a stub voice service this test runs on the reserved port
 * {@code telephony.stub.port} (see the pom): what the service is asked, what the client is
 * answered (never a private number), every refusal, and other organizations' ids.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallsIT {

    private static final String ALICE_CELL = "(408) 555-0142";
    private static final String BOB_CELL = "(508) 555-0150";
    /** A callee whose number the stub voice service refuses, and one it is down for. */
    private static final String REFUSED_CELL = "(212) 555-0166";
    private static final String DOWN_CELL = "(212) 555-0177";
    private static ItData data;
    private static TelephonyStub voiceService;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.carebridge();
    }

    @ArquillianResource
    URL deployed;

    private String base;
    private String voiceNumber;
    private Organization hospital;
    private User alice;
    private User bob;
    private User badge;
    private User noCell;
    private User carol;

    @BeforeAll
    static void start() {
        data = new ItData();
        voiceService = new TelephonyStub(Integer.getInteger("telephony.stub.port"), request -> {
            String twiml = request.form().getOrDefault("Twiml", "");
            if (twiml.contains(e164(REFUSED_CELL))) {
                return new TelephonyStub.Answer(400, "{\"code\": 21215, \"message\": \"Not permitted to call "
                        + e164(REFUSED_CELL) + "\", \"status\": 400}");
            }
            if (twiml.contains(e164(DOWN_CELL))) {
                return new TelephonyStub.Answer(503, null);
            }
            return new TelephonyStub.Answer(201, "{\"sid\": \"CA-it-" + System.nanoTime() + "\", \"status\": \"queued\"}");
        });
    }

    @AfterAll
    static void stop() {
        voiceService.close();
        data.close();
    }

    private static String e164(String number) {
        return "+1" + PhoneNumber.parse(number).digits();
    }

    @BeforeEach
    void arrange() {
        base = Deployments.loopback(deployed);
        Deployments.awaitReady(base);
        voiceService.requests.clear();
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Harbor Hospital"), "(617) 882-5830");
        Organization practice = data.organization(OrganizationKind.PRACTICE, ItData.unique("Cove Practice"), "(508) 882-5831");
        Organization stranger = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Distant Hospital"), "(212) 882-5832");
        data.affiliate(hospital, practice);
        // A number of the 556 exchange: the local voice-number pool hands out 555 numbers only.
        voiceNumber = PhoneNumber.parse("(617) 556-" + (1000 + ThreadLocalRandom.current().nextInt(9000))).formatted();
        alice = data.member(hospital, ItData.uniqueEmail("alice"));
        bob = data.member(practice, ItData.uniqueEmail("bob"));
        noCell = data.member(hospital, ItData.uniqueEmail("nocell"));
        carol = data.member(stranger, ItData.uniqueEmail("carol"));
        data.transaction(em -> {
            em.find(Organization.class, hospital.getId()).assignVoiceNumber(PhoneNumber.parse(voiceNumber));
            em.find(User.class, alice.getId()).setCellPhone(ALICE_CELL);
            em.find(User.class, bob.getId()).setCellPhone(BOB_CELL);
            em.find(User.class, carol.getId()).setCellPhone("(212) 555-0188");
            return null;
        });
        badge = data.transaction(em -> {
            User user = User.externalUser(em.find(Organization.class, hospital.getId()), ItData.unique("vs"), "Grace",
                    "Okafor", ZoneId.of("America/New_York"), Instant.now());
            user.setGuestAccessNumber("6175550100");
            user.setDeskPhone("4412");
            em.persist(user);
            user.assignStaffId();
            return user;
        });
    }

    private HttpResponse<String> call(String token, String body) throws Exception {
        return new ClientApi(http, base).call("POST", "/api/v1/calls", token, body);
    }

    private HttpResponse<String> call(String token, long calleeId) throws Exception {
        return call(token, "{\"calleeId\": " + calleeId + "}");
    }

    private static JsonObject json(HttpResponse<String> response) {
        return ClientApi.json(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        assertEquals("/problems/" + type, json(response).getString("type"), response.body());
    }

    private static void assertNoPrivateNumber(String text) {
        for (String number : List.of(ALICE_CELL, BOB_CELL, REFUSED_CELL, DOWN_CELL, "(617) 555-0100")) {
            PhoneNumber parsed = PhoneNumber.parse(number);
            for (String form : List.of(parsed.digits(), parsed.formatted(), parsed.formatted().substring(6))) {
                assertFalse(text.contains(form), "no private number (" + form + ") in: " + text);
            }
        }
        assertFalse(text.contains("ww4412") || text.contains("sendDigits"), "no extension in: " + text);
    }

    private List<CallRequest> callsBy(User caller) {
        return data.transaction(em -> em.createQuery("select c from CallRequest c where c.caller.id = :id order by c.id",
                CallRequest.class).setParameter("id", caller.getId()).getResultList());
    }

    @Test
    void aCallGoesThroughTheVoiceServiceShowingOnlyTheVoiceNumber() throws Exception {
        HttpResponse<String> answer = call(data.clientToken(alice), bob.getId());
        assertEquals(202, answer.statusCode(), answer.body());
        JsonObject body = json(answer);
        assertEquals("PLACED", body.getString("state"));
        assertEquals(voiceNumber, body.getString("voiceNumber"));
        assertEquals(bob.getId().longValue(), body.getJsonNumber("calleeId").longValue());
        long callId = body.getJsonNumber("callId").longValue();
        assertNoPrivateNumber(answer.body());

        assertEquals(1, voiceService.requests.size());
        TelephonyStub.Request asked = voiceService.requests.get(0);
        assertEquals("/2010-04-01/Accounts/AC-it/Calls.json", asked.path());
        assertTrue(asked.headers().get("authorization").startsWith("Basic "));
        assertEquals(e164(ALICE_CELL), asked.form().get("To"), "the caller's phone rings first");
        assertEquals(e164(voiceNumber), asked.form().get("From"));
        assertEquals("<Response><Dial callerId=\"" + e164(voiceNumber) + "\"><Number>" + e164(BOB_CELL)
                + "</Number></Dial></Response>", asked.form().get("Twiml"));

        CallRequest stored = callsBy(alice).get(0);
        assertEquals(callId, stored.getId().longValue());
        assertEquals(CallOutcome.PLACED, stored.getOutcome());
        assertTrue(stored.getProviderCallId().startsWith("CA-it-"));
        AuditEvent audit = data.transaction(em -> em.createQuery("select e from AuditEvent e where e.targetType = 'Call'"
                + " and e.targetId = :id", AuditEvent.class).setParameter("id", String.valueOf(callId)).getSingleResult());
        assertEquals("call.requested", audit.getAction());
        assertEquals(hospital.getId(), audit.getOrganization().getId());
        assertNoPrivateNumber(audit.getDetails());

        HttpResponse<String> toBadge = call(data.clientToken(alice), badge.getId());
        assertEquals(202, toBadge.statusCode(), toBadge.body());
        assertEquals("<Response><Dial callerId=\"" + e164(voiceNumber) + "\"><Number sendDigits=\"ww4412\">+16175550100"
                + "</Number></Dial></Response>", voiceService.requests.get(1).form().get("Twiml"),
                "a badge user: the guest access number, then the extension");
    }

    @Test
    void callsThatCannotBePlacedAreClearProblemsAndRecorded() throws Exception {
        assertProblem(call(data.clientToken(noCell), bob.getId()), 409, "no-cell-number");
        assertEquals(CallOutcome.NO_CELL_NUMBER, callsBy(noCell).get(0).getOutcome());
        assertProblem(call(data.clientToken(alice), noCell.getId()), 409, "no-callee-number");
        assertProblem(call(data.clientToken(bob), alice.getId()), 409, "no-voice-number");
        assertTrue(voiceService.requests.isEmpty(), "nothing was asked of the voice service");

        data.transaction(em -> {
            em.find(User.class, bob.getId()).setCellPhone(REFUSED_CELL);
            em.find(User.class, noCell.getId()).setCellPhone(DOWN_CELL);
            return null;
        });
        String token = data.clientToken(alice);
        HttpResponse<String> refused = call(token, bob.getId());
        assertProblem(refused, 502, "call-refused");
        assertNoPrivateNumber(refused.body());
        HttpResponse<String> down = call(token, noCell.getId());
        assertProblem(down, 503, "voice-service-unavailable");
        assertEquals("30", down.headers().firstValue("Retry-After").orElse(null));
        List<CallRequest> calls = callsBy(alice);
        assertEquals(List.of(CallOutcome.NO_CALLEE_NUMBER, CallOutcome.REFUSED_BY_SERVICE, CallOutcome.SERVICE_UNAVAILABLE),
                calls.stream().map(CallRequest::getOutcome).toList());
        assertEquals("HTTP 400 21215", calls.get(1).getFailureReason());
    }

    @Test
    void otherOrganizationsUnknownIdsAndBadRequestsAreRefusedAndNothingIsRecorded() throws Exception {
        String token = data.clientToken(alice);
        HttpResponse<String> stranger = call(token, carol.getId());
        assertProblem(stranger, 404, "not-found");
        HttpResponse<String> unknown = call(token, Long.MAX_VALUE);
        assertProblem(unknown, 404, "not-found");
        assertEquals(json(stranger).getString("title"), json(unknown).getString("title"));
        assertProblem(call(data.clientToken(carol), alice.getId()), 404, "not-found");
        assertProblem(call(token, alice.getId()), 400, "invalid-callee");
        assertProblem(call(token, "{}"), 400, "invalid-request");
        assertProblem(call(token, "{\"calleeId\": " + bob.getId() + ", \"number\": \"2125550188\"}"), 400, "malformed-body");
        assertProblem(call(null, bob.getId()), 401, "invalid-token");
        assertTrue(callsBy(alice).isEmpty());
        assertTrue(callsBy(carol).isEmpty());
        assertTrue(voiceService.requests.isEmpty());
    }
}
