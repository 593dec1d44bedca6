package org.carebridge.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditEvent;
import org.carebridge.audit.TestAuditTrail;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What creating and updating an organization writes to the audit trail, on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private final Map<TestDatabase.Kind, TestDatabase> databases = new EnumMap<>(TestDatabase.Kind.class);
    private User actor;

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

    private <T> T service(TestDatabase.Kind kind, Function<OrganizationService, T> work) {
        return databases.get(kind).transaction(em -> work.apply(serviceOn(em)));
    }

    private OrganizationService serviceOn(EntityManager em) {
        OrganizationService service = new OrganizationService();
        service.em = em;
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // A fictional pool: every organization in area code 408 gets (408) 555-01xx.
        service.voiceNumbers = (areaCode, organizationId) -> Optional.of(
                new PhoneNumber(areaCode + "55501" + String.format("%02d", organizationId % 100)));
        service.audit = TestAuditTrail.on(em, service.clock, () -> actor);
        return service;
    }

    private List<AuditEvent> events(TestDatabase.Kind kind, Organization org) {
        return databases.get(kind).transaction(em -> TestAuditTrail.eventsOf(em, org));
    }

    private User administrator(TestDatabase.Kind kind, Organization org) {
        return databases.get(kind).transaction(em -> {
            User user = User.nativeUser(em.find(Organization.class, org.getId()),
                    "admin." + UUID.randomUUID() + "@org.test", "Ada", "Lovelace", ZONE, NOW);
            user.grantOrganizationAdmin(true);
            em.persist(user);
            user.assignStaffId();
            return user;
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void creatingRecordsTheStartingValues(TestDatabase.Kind kind) {
        String name = "Mercy " + UUID.randomUUID();
        Organization org = service(kind, s -> s.create(OrganizationKind.HOSPITAL, name,
                PhoneNumber.parse("(877) 555-0100"), ZONE));
        List<AuditEvent> events = events(kind, org);
        assertEquals(1, events.size());
        AuditEvent created = events.get(0);
        assertEquals(AuditAction.ORGANIZATION_CREATED.code(), created.getAction());
        assertEquals("System", created.getActorLabel());
        assertEquals("Organization", created.getTargetType());
        assertEquals(String.valueOf(org.getId()), created.getTargetId());
        assertEquals("Type: \"Hospital\"; Name: \"" + name + "\"; Office number: \"(877) 555-0100\"; "
                + "Default time zone: \"America/New_York\"", created.getDetails(), "toll-free: no voice number");

        Organization practice = service(kind, s -> s.create(OrganizationKind.PRACTICE, "Oak " + UUID.randomUUID(),
                PhoneNumber.parse("(408) 882-5830"), ZONE));
        assertEquals(AuditAction.PRACTICE_CREATED.code(), events(kind, practice).get(0).getAction());
        assertTrue(events(kind, practice).get(0).getDetails().contains("Voice number: \"(408) 555-01"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyFieldOfTheFormIsRecordedBeforeAndAfter(TestDatabase.Kind kind) {
        String name = "Mercy " + UUID.randomUUID();
        Organization org = service(kind, s -> s.create(OrganizationKind.HOSPITAL, name,
                PhoneNumber.parse("(877) 555-0100"), ZONE));
        actor = administrator(kind, org);
        try {
            OrganizationSettings unchanged = OrganizationSettings.of(org);
            service(kind, s -> s.update(org, unchanged));
            assertEquals(1, events(kind, org).size(), "a save that changes nothing records nothing");

            OrganizationSettings changed = new OrganizationSettings(name + " East", PhoneNumber.parse("(408) 882-5830"),
                    ZoneId.of("America/Chicago"), true, true, MessageExpiration.DAY_1.minutes(),
                    new RetentionPeriod(90, RetentionUnit.DAYS), 45);
            Organization updated = service(kind, s -> s.update(org, changed));
            AuditEvent event = events(kind, org).get(0);
            assertEquals(AuditAction.ORGANIZATION_UPDATED.code(), event.getAction());
            assertEquals("Lovelace, Ada (" + actor.getStaffId() + ")", event.getActorLabel());
            assertEquals("Name: \"" + name + "\" \u2192 \"" + name + " East\"; "
                    + "Office number: \"(877) 555-0100\" \u2192 \"(408) 882-5830\"; "
                    + "Default time zone: \"America/New_York\" \u2192 \"America/Chicago\"; "
                    + "Members can send messages to whole organization: \"No\" \u2192 \"Yes\"; "
                    + "Allow messages to non-users via email and SMS: \"No\" \u2192 \"Yes\"; "
                    + "Message expiration time: \"7 Days\" \u2192 \"1 Day\"; "
                    + "Message retention period: \"None (kept forever)\" \u2192 \"90 Days\"; "
                    + "High priority notification sound length: \"30 seconds\" \u2192 \"45 seconds\"; "
                    + "Voice number: \"\" \u2192 \"" + updated.getVoiceNumber() + "\"", event.getDetails());
        } finally {
            actor = null;
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailedTransactionTakesItsAuditLineWithIt(TestDatabase.Kind kind) {
        String name = "Mercy " + UUID.randomUUID();
        Organization org = service(kind, s -> s.create(OrganizationKind.HOSPITAL, name,
                PhoneNumber.parse("(877) 555-0100"), ZONE));
        OrganizationSettings before = OrganizationSettings.of(org);
        OrganizationSettings renamed = new OrganizationSettings(name + " West", before.officeNumber(),
                before.timeZone(), before.wholeOrganizationMessaging(), before.nonUserMessaging(),
                before.messageExpirationMinutes(), before.retention(), before.prioritySoundSeconds());
        assertThrows(IllegalStateException.class, () -> service(kind, s -> {
            s.update(org, renamed);
            throw new IllegalStateException("rolled back after the update");
        }));
        assertEquals(name, databases.get(kind).transaction(em -> em.find(Organization.class, org.getId())).getName());
        List<AuditEvent> events = events(kind, org);
        assertEquals(1, events.size());
        assertFalse(events.get(0).getDetails().contains("West"));
    }
}
