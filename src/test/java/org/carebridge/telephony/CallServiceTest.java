package org.carebridge.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import org.carebridge.access.TestAccess;
import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditEvent;
import org.carebridge.audit.TestAudit;
import org.carebridge.audit.TestAuditTrail;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.reachability.ReachabilityAccess;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Call requests on a fresh H2 and a fresh PostgreSQL schema, each step in its own transaction as
 * in the container: who may be called (reachability, other organizations' ids), which numbers
 * the provider gets, what is stored and audited (never a private number), and every refusal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final AtomicInteger VOICE_LINES = new AtomicInteger(1000);
    private final Map<TestDatabase.Kind, TestDatabase> databases = new EnumMap<>(TestDatabase.Kind.class);

    @BeforeAll
    void migrate() {
        for (TestDatabase.Kind kind : TestDatabase.Kind.values()) {
            databases.put(kind, TestDatabase.create(kind));
        }
    }

    @AfterAll
    void drop() {
        databases.values().forEach(TestDatabase::close);
    }

    private static CallService serviceOn(EntityManager em) {
        CallService service = new CallService();
        service.em = em;
        service.clock = CLOCK;
        service.reachability = ReachabilityAccess.over(em);
        service.audit = TestAudit.trail(em, CLOCK, TestAccess.signedOut());
        return service;
    }

    /** The service as the container runs it: the request outside a transaction, opening and settling each in one. */
    private static CallService service(TestDatabase db, VoiceCallProvider provider) {
        CallService service = new CallService();
        service.providers = new TelephonyProviders() {
            @Override
            public VoiceCallProvider voiceCalls() {
                return provider;
            }
        };
        service.self = new CallService() {
            @Override
            public Opened open(long callerId, long calleeId) {
                return db.transaction(em -> serviceOn(em).open(callerId, calleeId));
            }

            @Override
            public CallRequest settle(long callRequestId, CallPlacement placement) {
                return db.transaction(em -> serviceOn(em).settle(callRequestId, placement));
            }
        };
        return service;
    }

    /**
     * Hospital H (with a voice number) and its practice P (none), affiliated; hospital S apart.
     * h1, h2 and p1 have cell numbers, h3 has none; "badge" is a synced badge user of H.
     */
    private final class World {
        final TestDatabase db;
        final Map<String, Organization> orgs = new HashMap<>();
        final Map<String, User> users = new HashMap<>();
        final String voice = "(617) 555-" + VOICE_LINES.getAndIncrement();
        Affiliation hp;

        World(TestDatabase.Kind kind) {
            db = databases.get(kind);
            String run = UUID.randomUUID().toString().substring(0, 8);
            db.run(em -> {
                for (String name : List.of("H", "P", "S")) {
                    Organization org = new Organization(name.equals("P") ? OrganizationKind.PRACTICE
                            : OrganizationKind.HOSPITAL, "Org " + name + " " + run, PhoneNumber.parse("(617) 882-5830"),
                            ZONE, NOW);
                    em.persist(org);
                    orgs.put(name, org);
                }
                orgs.get("H").assignVoiceNumber(PhoneNumber.parse(voice));
                person(em, "h1", "H", "(617) 555-0142");
                person(em, "h2", "H", "(617) 555-0143");
                person(em, "h3", "H", null);
                person(em, "p1", "P", "(508) 555-0150");
                person(em, "s1", "S", "(212) 555-0160");
                User badge = User.externalUser(orgs.get("H"), "vs-" + run, "Grace", "Okafor", ZONE, NOW);
                badge.setGuestAccessNumber("6175550100");
                badge.setDeskPhone("4412");
                em.persist(badge);
                badge.assignStaffId();
                users.put("badge", badge);
                hp = new Affiliation(orgs.get("H"), orgs.get("P"), NOW);
                em.persist(hp);
            });
        }

        private void person(EntityManager em, String key, String org, String cell) {
            User user = User.nativeUser(orgs.get(org), key + "." + UUID.randomUUID() + "@call.test", "Pat",
                    key.toUpperCase(), ZONE, NOW);
            user.setCellPhone(cell);
            em.persist(user);
            user.assignStaffId();
            users.put(key, user);
        }

        long id(String key) {
            return users.get(key).getId();
        }

        CallRequest call(VoiceCallProvider provider, String caller, String callee) {
            return call(provider, caller, id(callee));
        }

        CallRequest call(VoiceCallProvider provider, String caller, long calleeId) {
            return service(db, provider).request(id(caller), calleeId);
        }

        CallRequest stored(CallRequest request) {
            return db.transaction(em -> em.find(CallRequest.class, request.getId()));
        }

        long requestsBy(String caller) {
            return db.transaction(em -> em.createQuery("select count(c) from CallRequest c where c.caller.id = :id",
                    Long.class).setParameter("id", id(caller)).getSingleResult());
        }

        List<AuditEvent> audit(String org) {
            return db.transaction(em -> TestAuditTrail.eventsOf(em, orgs.get(org)));
        }
    }

    private static RecordingVoiceCallProvider recording() {
        return new RecordingVoiceCallProvider(CLOCK);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCallToAnAffiliateRingsBothCellsShowingTheCallersVoiceNumberAndStoresMetadataOnly(TestDatabase.Kind kind) {
        World w = new World(kind);
        RecordingVoiceCallProvider provider = recording();
        CallRequest request = w.call(provider, "h1", "p1");

        assertEquals(CallOutcome.PLACED, request.getOutcome());
        BridgeRequest bridge = provider.recorded().get(0).request();
        assertEquals(request.getId(), bridge.callId());
        assertEquals(PhoneNumber.parse("(617) 555-0142"), bridge.caller(), "the caller's own cell rings first");
        assertEquals(new CallEndpoint(PhoneNumber.parse("(508) 555-0150"), null, CallEndpoint.Line.CELL), bridge.callee());
        assertEquals(PhoneNumber.parse(w.voice), bridge.presentedNumber(), "the caller organization's voice number");

        CallRequest stored = w.stored(request);
        assertEquals(CallOutcome.PLACED, stored.getOutcome());
        assertEquals(w.voice, stored.getPresentedNumber());
        assertEquals(CallEndpoint.Line.CELL, stored.getCalleeLine());
        assertEquals("recorded-1", stored.getProviderCallId());
        assertEquals(NOW, stored.getRequestedAt());
        assertEquals(NOW, stored.getSettledAt());
        assertNull(stored.getFailureReason());
        assertEquals(w.orgs.get("H").getId(), stored.getOrganization().getId(), "the caller's organization");
        assertEquals(w.orgs.get("P").getId(), stored.getCalleeOrganization().getId());

        AuditEvent line = w.audit("H").get(0);
        assertEquals(AuditAction.CALL_REQUESTED.code(), line.getAction());
        assertEquals(w.id("h1"), line.getActor().getId(), "the caller is the actor");
        assertEquals("Call", line.getTargetType());
        assertEquals(String.valueOf(request.getId()), line.getTargetId());
        assertTrue(line.getDetails().contains(w.users.get("p1").getStaffId()), line.getDetails());
        assertTrue(line.getDetails().contains(w.orgs.get("P").getName()), line.getDetails());
        assertTrue(line.getDetails().contains(w.voice), line.getDetails());
        assertFalse(line.getDetails().contains("0142") || line.getDetails().contains("0150"),
                "no private number in the trail: " + line.getDetails());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBadgeUserIsCalledOnTheGuestAccessNumberWithTheExtension(TestDatabase.Kind kind) {
        World w = new World(kind);
        RecordingVoiceCallProvider provider = recording();
        CallRequest request = w.call(provider, "h1", "badge");
        assertEquals(CallOutcome.PLACED, request.getOutcome());
        assertEquals(new CallEndpoint(PhoneNumber.parse("6175550100"), "4412", CallEndpoint.Line.BADGE),
                provider.recorded().get(0).request().callee());
        assertEquals(CallEndpoint.Line.BADGE, w.stored(request).getCalleeLine());
        assertFalse(w.audit("H").get(0).getDetails().contains("4412"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCallThatCannotBePlacedIsStoredAndAuditedWithItsReasonAndNothingIsDialled(TestDatabase.Kind kind) {
        World w = new World(kind);
        RecordingVoiceCallProvider provider = recording();

        CallRequest noCell = w.call(provider, "h3", "h1");
        assertEquals(CallOutcome.NO_CELL_NUMBER, noCell.getOutcome());
        assertEquals(CallOutcome.NO_CELL_NUMBER, w.stored(noCell).getOutcome());
        assertEquals(NOW, w.stored(noCell).getSettledAt());
        assertTrue(w.audit("H").get(0).getDetails().endsWith(CallOutcome.NO_CELL_NUMBER.label()),
                w.audit("H").get(0).getDetails());

        assertEquals(CallOutcome.NO_CALLEE_NUMBER, w.call(provider, "h1", "h3").getOutcome());
        CallRequest noVoice = w.call(provider, "p1", "h1");
        assertEquals(CallOutcome.NO_VOICE_NUMBER, noVoice.getOutcome(), "the practice has no voice number");
        assertNull(w.stored(noVoice).getPresentedNumber());
        assertEquals(1, w.audit("P").size());

        assertTrue(provider.recorded().isEmpty(), "nothing was handed to the provider");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anotherOrganizationsUserAnUnknownIdAndAnUnreachableAffiliateAreNotFoundAndNothingIsStored(TestDatabase.Kind kind) {
        World w = new World(kind);
        RecordingVoiceCallProvider provider = recording();
        CallRefusedException stranger = assertThrows(CallRefusedException.class, () -> w.call(provider, "h1", "s1"));
        assertEquals(CallRefusedException.Reason.UNKNOWN_CALLEE, stranger.reason());
        CallRefusedException unknown = assertThrows(CallRefusedException.class,
                () -> w.call(provider, "h1", Long.MAX_VALUE));
        assertEquals(CallRefusedException.Reason.UNKNOWN_CALLEE, unknown.reason());
        assertEquals(stranger.getMessage().replace(String.valueOf(w.id("s1")), "#"),
                unknown.getMessage().replace(String.valueOf(Long.MAX_VALUE), "#"),
                "an existing user of another organization is answered exactly like no user");
        assertEquals(CallRefusedException.Reason.UNKNOWN_CALLEE,
                assertThrows(CallRefusedException.class, () -> w.call(provider, "s1", "h1")).reason());

        w.db.run(em -> em.find(Affiliation.class, w.hp.getId()).setPermission(em.find(Organization.class,
                w.orgs.get("P").getId()), AssociationPermission.NONE, List.of()));
        assertEquals(CallRefusedException.Reason.UNKNOWN_CALLEE,
                assertThrows(CallRefusedException.class, () -> w.call(provider, "h1", "p1")).reason(),
                "an affiliate whose association permission is None is out of reach");

        assertEquals(CallRefusedException.Reason.SELF,
                assertThrows(CallRefusedException.class, () -> w.call(provider, "h1", "h1")).reason());
        assertEquals(0, w.requestsBy("h1"));
        assertEquals(0, w.requestsBy("s1"));
        assertTrue(w.audit("H").isEmpty() && w.audit("S").isEmpty());
        assertTrue(provider.recorded().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void throughTheHttpProviderTheServicesAnswerIsStored(TestDatabase.Kind kind) {
        World w = new World(kind);
        try (TelephonyStub stub = new TelephonyStub(request -> switch (request.form().get("Twiml").replaceAll(".*\\+1(\\d{10}).*", "$1")) {
            case "6175550143" -> new TelephonyStub.Answer(201, "{\"sid\": \"CA-h2\", \"status\": \"queued\"}");
            case "5085550150" -> new TelephonyStub.Answer(400, "{\"code\": 21215, \"message\": \"Geo permission\"}");
            default -> new TelephonyStub.Answer(503, null);
        })) {
            VoiceCallProvider http = new HttpVoiceCallProvider(new ProviderHttp.Settings(stub.baseUrl(), "AC1", "token",
                    Duration.ofSeconds(5)));
            CallRequest placed = w.stored(w.call(http, "h1", "h2"));
            assertEquals(CallOutcome.PLACED, placed.getOutcome());
            assertEquals("CA-h2", placed.getProviderCallId());

            CallRequest refused = w.stored(w.call(http, "h1", "p1"));
            assertEquals(CallOutcome.REFUSED_BY_SERVICE, refused.getOutcome());
            assertEquals("HTTP 400 21215", refused.getFailureReason());
            assertNotNull(refused.getSettledAt());

            CallRequest down = w.stored(w.call(http, "h1", "badge"));
            assertEquals(CallOutcome.SERVICE_UNAVAILABLE, down.getOutcome());
            assertEquals("HTTP 503", down.getFailureReason());
            assertEquals(3, stub.requests.size());
            assertEquals(3, w.audit("H").size(), "every request is audited, whatever the service answered");
        }
    }
}
