package org.carebridge.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.carebridge.SettableClock;
import org.carebridge.access.NotInScopeException;
import org.carebridge.affiliation.Affiliation;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditEvent;
import org.carebridge.audit.TestAuditTrail;
import org.carebridge.directory.DirectoryClock;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.ClusterLocksAccess;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.reachability.ReachabilityAccess;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sync and Integrations services on a fresh H2 and a fresh PostgreSQL schema, each call in
 * its own transaction as the container runs them: sign-in, runs applied as one unit with their
 * records and audit line, one run at a time, the Integrations page's actions and their tenant
 * check, and the reverse-sync directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final SharedKeyCipher CIPHER = new SharedKeyCipher(new byte[32]);
    private final Map<TestDatabase.Kind, TestDatabase> databases = new EnumMap<>(TestDatabase.Kind.class);
    private final SettableClock clock = new SettableClock(NOW);

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

    private <T> T sync(TestDatabase.Kind kind, Function<SyncService, T> work) {
        return databases.get(kind).transaction(em -> work.apply(syncOn(em)));
    }

    private SyncService syncOn(EntityManager em) {
        SyncService service = new SyncService();
        service.em = em;
        service.clock = clock;
        service.cipher = CIPHER;
        service.locks = ClusterLocksAccess.over(em, clock);
        service.audit = TestAuditTrail.on(em, clock, () -> null);
        service.directoryClock = DirectoryClock.over(em);
        service.reachability = ReachabilityAccess.over(em);
        return service;
    }

    private <T> T integrations(TestDatabase.Kind kind, Function<IntegrationService, T> work) {
        return databases.get(kind).transaction(em -> {
            IntegrationService service = new IntegrationService();
            service.em = em;
            service.clock = clock;
            service.cipher = CIPHER;
            service.audit = TestAuditTrail.on(em, clock, () -> null);
            return work.apply(service);
        });
    }

    private Organization organization(TestDatabase.Kind kind, OrganizationKind type, String name) {
        return databases.get(kind).transaction(em -> {
            Organization org = new Organization(type, name + " " + UUID.randomUUID(), PhoneNumber.parse("(408) 882-5830"),
                    ZONE, NOW);
            em.persist(org);
            return org;
        });
    }

    private User nativeUser(TestDatabase.Kind kind, Organization org, String first) {
        return databases.get(kind).transaction(em -> {
            User user = User.nativeUser(em.find(Organization.class, org.getId()), first + "." + UUID.randomUUID()
                    + "@sync.test", first, "Native", ZONE, NOW);
            em.persist(user);
            user.assignStaffId();
            return user;
        });
    }

    private List<User> external(TestDatabase.Kind kind, Organization org) {
        return databases.get(kind).transaction(em -> em.createQuery("select u from User u where u.organization.id = :id"
                + " and u.kind = org.carebridge.user.UserKind.EXTERNAL order by u.externalId", User.class)
                .setParameter("id", org.getId()).getResultList());
    }

    private static SyncContact contact(String id, String first, String last) {
        return new SyncContact(id, first, null, last, "4085550100", "22");
    }

    private ImportSummary run(TestDatabase.Kind kind, Organization org, List<SyncContact> contacts) {
        Long runId = sync(kind, s -> s.startRun(org.getId(), ImportTrigger.MANUAL));
        assertNotNull(runId);
        clock.advance(Duration.ofSeconds(1));
        return sync(kind, s -> s.apply(runId, contacts));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theConnectorSignsInOnlyWithTheRightAnswerToItsChallenge(TestDatabase.Kind kind) {
        Organization hospital = organization(kind, OrganizationKind.HOSPITAL, "Sign-in Hospital");
        IntegrationCredentials credentials = integrations(kind, s -> s.enable(hospital));
        assertFalse(credentials.toString().contains(credentials.sharedKey()), "the key never reaches a log");
        String challenge = SyncHandshake.newChallenge();
        String answer = SyncHandshake.answer(credentials.sharedKey(), challenge, credentials.integrationUserId());
        assertNull(sync(kind, s -> s.authenticate(credentials.integrationUserId(), SyncHandshake.newChallenge(), answer,
                null)), "an answer to another challenge");
        assertNull(sync(kind, s -> s.authenticate("cb-unknown", challenge, answer, null)));
        Long id = sync(kind, s -> s.authenticate(credentials.integrationUserId(), challenge, answer,
                SystemKind.VOICE_AND_MESSAGING));
        assertNotNull(id);
        Integration integration = integrations(kind, s -> s.of(hospital));
        assertEquals(ConnectionState.CONNECTED, integration.connectionStateAt(NOW.plusSeconds(1)));
        assertEquals(SystemKind.VOICE_AND_MESSAGING, integration.getSystemKind());
        assertNotEquals(credentials.sharedKey(), integration.getSharedKeyCiphertext());

        integrations(kind, s -> { s.disable(hospital); return null; });
        assertNull(sync(kind, s -> s.authenticate(credentials.integrationUserId(), challenge, answer, null)),
                "a disabled integration signs nobody in");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRunIsAppliedAsOneUnitWithItsRecordsCountsAndAuditLine(TestDatabase.Kind kind) {
        Organization hospital = organization(kind, OrganizationKind.HOSPITAL, "Import Hospital");
        integrations(kind, s -> s.enable(hospital));
        ImportSummary first = run(kind, hospital, List.of(contact("a", "Ann", "Able"), contact("b", "Bob", "Baker"),
                contact("c", "Cy", "Cole")));
        assertEquals(3, first.created());
        List<User> users = external(kind, hospital);
        assertEquals(List.of("a", "b", "c"), users.stream().map(User::getExternalId).toList());
        assertTrue(users.stream().allMatch(u -> u.getStaffId() != null && u.getDirectoryVersion() > 0));

        databases.get(kind).run(em -> em.find(User.class, users.get(0).getId()).renameImported("Annie", null, "Able"));
        ImportSummary second = run(kind, hospital, List.of(contact("a", "Ann", "Able"), contact("b", "Bobby", "Baker"),
                contact("d", null, "Dunn"), contact("e", "Eve", "East")));
        assertEquals(List.of(1, 0, 1, 1, 1, 1), List.of(second.created(), second.unchanged(), second.updated(),
                second.deleted(), second.overwritten(), second.errors()));
        Map<String, User> now = external(kind, hospital).stream()
                .collect(Collectors.toMap(User::getExternalId, Function.identity()));
        assertEquals(Set.of("a", "b", "e"), now.keySet());
        assertEquals("Ann", now.get("a").getFirstName());
        assertFalse(now.get("a").isNamesEdited());

        List<ImportRun> runs = integrations(kind, s -> s.runs(hospital));
        assertEquals(2, runs.size());
        assertEquals(second.runId(), runs.get(0).getId(), "newest first");
        List<ImportRecord> records = integrations(kind, s -> s.records(s.run(hospital, second.runId())));
        assertEquals(5, records.size());
        assertTrue(records.stream().anyMatch(r -> r.getChange() == ImportChange.DELETED && "c".equals(r.getExternalId())
                && r.getStaffId() != null));
        List<AuditEvent> events = databases.get(kind).transaction(em -> TestAuditTrail.eventsOf(em, hospital));
        assertEquals(AuditAction.USERS_IMPORTED.code(), events.get(0).getAction());
        assertTrue(events.get(0).getDetails().contains("overwritten 1"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void oneRunAtATimeAndAFailedRunChangesNothing(TestDatabase.Kind kind) {
        Organization hospital = organization(kind, OrganizationKind.HOSPITAL, "Busy Hospital");
        integrations(kind, s -> s.enable(hospital));
        Long running = sync(kind, s -> s.startRun(hospital.getId(), ImportTrigger.SCHEDULED));
        assertNull(sync(kind, s -> s.startRun(hospital.getId(), ImportTrigger.MANUAL)), "one run at a time");
        ImportSummary failed = sync(kind, s -> s.fail(running, "connection lost"));
        assertEquals(ImportRunState.FAILED, failed.state());
        assertEquals(List.of(), external(kind, hospital));
        assertThrows(IllegalStateException.class, () -> sync(kind, s -> s.apply(running, List.of(contact("a", "A", "A")))),
                "a failed run is never applied afterwards");

        Long abandoned = sync(kind, s -> s.startRun(hospital.getId(), ImportTrigger.SCHEDULED));
        clock.advance(SyncService.ABANDONED_AFTER.plusMinutes(1));
        Long next = sync(kind, s -> s.startRun(hospital.getId(), ImportTrigger.SCHEDULED));
        assertNotNull(next, "a run left open by a stopped node gives way");
        assertEquals(ImportRunState.FAILED, integrations(kind, s -> s.run(hospital, abandoned)).getState());

        List<SyncContact> tooMany = new ArrayList<>();
        for (int i = 0; i <= ImportPlan.MAX_CONTACTS; i++) {
            tooMany.add(contact("x" + i, "F", "L"));
        }
        ImportSummary refused = sync(kind, s -> s.apply(next, tooMany));
        assertEquals(ImportRunState.FAILED, refused.state());
        assertEquals(List.of(), external(kind, hospital));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void syncIsDueAfterNinetyMinutesOrWhenRequestedAndStopsWithANewKey(TestDatabase.Kind kind) {
        Organization hospital = organization(kind, OrganizationKind.HOSPITAL, "Due Hospital");
        integrations(kind, s -> s.enable(hospital));
        long id = integrations(kind, s -> s.of(hospital)).getId();
        String key = sync(kind, s -> s.keyCiphertext(id));
        assertTrue(sync(kind, s -> s.check(id, key)).syncDue(), "never synced");
        run(kind, hospital, List.of());
        assertFalse(sync(kind, s -> s.check(id, key)).syncDue());
        integrations(kind, s -> { s.requestSync(hospital); return null; });
        assertEquals(ImportTrigger.MANUAL, sync(kind, s -> s.dueTrigger(hospital.getId())));
        assertTrue(sync(kind, s -> s.check(id, key)).syncDue(), "Sync Users Now");
        run(kind, hospital, List.of());
        assertFalse(sync(kind, s -> s.check(id, key)).syncDue(), "the request was taken");
        clock.advance(SyncService.SYNC_INTERVAL);
        assertTrue(sync(kind, s -> s.check(id, key)).syncDue(), "90 minutes later");

        integrations(kind, s -> s.regenerate(hospital));
        assertFalse(sync(kind, s -> s.check(id, key)).valid(), "the old key's connector is closed");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onlyHospitalsIntegrateAndNoAdministratorSeesAnotherOrganizationsRuns(TestDatabase.Kind kind) {
        Organization practice = organization(kind, OrganizationKind.PRACTICE, "Practice");
        assertThrows(IllegalArgumentException.class, () -> integrations(kind, s -> s.enable(practice)));
        Organization mine = organization(kind, OrganizationKind.HOSPITAL, "Mine");
        Organization theirs = organization(kind, OrganizationKind.HOSPITAL, "Theirs");
        integrations(kind, s -> s.enable(theirs));
        ImportSummary theirRun = run(kind, theirs, List.of(contact("t", "T", "T")));
        assertThrows(NotInScopeException.class, () -> integrations(kind, s -> s.run(mine, theirRun.runId())));
        assertThrows(NotInScopeException.class, () -> integrations(kind, s -> s.run(mine, null)));
        assertEquals(List.of(), integrations(kind, s -> s.runs(mine)));
        assertThrows(IllegalArgumentException.class, () -> integrations(kind, s -> { s.requestSync(mine); return null; }),
                "not enabled");
        assertThrows(IllegalArgumentException.class, () -> integrations(kind, s -> s.enable(theirs)), "already enabled");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theDirectoryFrameListsNativeUsersOfTheOrganizationAndItsAffiliatesAndLinkedExternalOnes(TestDatabase.Kind kind) {
        Organization a = organization(kind, OrganizationKind.HOSPITAL, "Hospital A");
        Organization b = organization(kind, OrganizationKind.HOSPITAL, "Hospital B");
        Organization d = organization(kind, OrganizationKind.HOSPITAL, "Hospital D");
        Organization p = organization(kind, OrganizationKind.PRACTICE, "Practice 1");
        databases.get(kind).run(em -> {
            em.persist(new Affiliation(em.find(Organization.class, a.getId()), em.find(Organization.class, b.getId()), NOW));
            em.persist(new Affiliation(em.find(Organization.class, b.getId()), em.find(Organization.class, d.getId()), NOW));
            em.persist(new Affiliation(em.find(Organization.class, a.getId()), em.find(Organization.class, p.getId()), NOW));
        });
        User ann = nativeUser(kind, a, "Ann");
        User bea = nativeUser(kind, b, "Bea");
        User dan = nativeUser(kind, d, "Dan");
        User pia = nativeUser(kind, p, "Pia");
        integrations(kind, s -> s.enable(b));
        run(kind, b, List.of(contact("b1", "Linked", "Badge"), contact("b2", "Unlinked", "Badge")));
        List<User> bExternal = external(kind, b);
        databases.get(kind).run(em -> em.find(User.class, bExternal.get(0).getId())
                .setLinkedUser(em.find(User.class, bea.getId())));
        integrations(kind, s -> s.enable(a));
        run(kind, a, List.of(contact("a1", "Own", "Badge")));

        JsonObject frame = Json.createReader(new StringReader(sync(kind, s -> s.directoryFrame(a.getId())))).readObject();
        Set<String> staffIds = frame.getJsonArray("users").stream().map(v -> v.asJsonObject().getString("staffId"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(ann.getStaffId(), bea.getStaffId(), pia.getStaffId(), bExternal.get(0).getStaffId()), staffIds);
        assertFalse(staffIds.contains(dan.getStaffId()));
        assertEquals(List.of(a.getName(), p.getName()), frame.getJsonArray("organizations").stream()
                .map(v -> v.asJsonObject().getString("name")).toList());
    }
}
