package org.carebridge.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.carebridge.group.ContactGroup;
import org.carebridge.group.GroupService;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Audit page's queries on a fresh H2 and a fresh PostgreSQL schema: filters, counting and
 * paging in the database, one organization only, and the CSV export.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditQueriesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T17:00:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
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

    private <T> T queries(TestDatabase.Kind kind, Function<AuditQueries, T> work) {
        return databases.get(kind).transaction(em -> {
            AuditQueries queries = new AuditQueries();
            queries.em = em;
            return work.apply(queries);
        });
    }

    /** A hospital with an administrator and events at known times, and a neighbour with events of its own. */
    private final class World {
        final Organization hospital;
        final Organization other;
        final User grace;

        World(TestDatabase.Kind kind) {
            TestDatabase db = databases.get(kind);
            hospital = db.transaction(em -> persist(em, "Mercy"));
            other = db.transaction(em -> persist(em, "Oakwood"));
            grace = db.transaction(em -> {
                User user = User.nativeUser(em.find(Organization.class, hospital.getId()),
                        "grace." + UUID.randomUUID() + "@audit.test", "Grace", "Hopper", NEW_YORK, NOW);
                user.grantOrganizationAdmin(true);
                em.persist(user);
                user.assignStaffId();
                return user;
            });
            db.run(em -> {
                Organization h = em.find(Organization.class, hospital.getId());
                User g = em.find(User.class, grace.getId());
                em.persist(AuditEvent.byUser(g, h, "organization.updated", "Organization", String.valueOf(h.getId()),
                        "Message expiration time: \"7 Days\" \u2192 \"1 Day\"", at("2026-11-24T16:00:00Z")));
                em.persist(AuditEvent.byUser(g, h, "group.updated", "Group", "501",
                        "Group name: \"ICU\" \u2192 \"Surgical ICU\"", at("2026-11-24T15:00:00Z")));
                em.persist(AuditEvent.bySystem(h, "group.members-added", "Group", "501", "Group \"ICU\": 100% sure",
                        at("2026-11-24T15:00:00Z")));
                em.persist(AuditEvent.byUser(g, h, "user.unlocked", "User", "777", null, at("2026-11-01T03:30:00Z")));
                em.persist(AuditEvent.byUser(g, h, "group.created", "Group", "501", "ICU", at("2026-09-01T12:00:00Z")));
                em.persist(AuditEvent.bySystem(em.find(Organization.class, other.getId()), "group.updated", "Group",
                        "601", "Group name: \"ICU\" \u2192 \"PICU\"", at("2026-11-24T15:30:00Z")));
            });
        }

        private Organization persist(jakarta.persistence.EntityManager em, String name) {
            Organization org = new Organization(OrganizationKind.HOSPITAL, name + " " + UUID.randomUUID(),
                    PhoneNumber.parse("(408) 882-5830"), NEW_YORK, NOW);
            em.persist(org);
            return org;
        }

        AuditFilter filter(LocalDate from, LocalDate to, String action, String actor, String text) {
            return new AuditCriteria(from, to, action, actor, text).toFilter(hospital.getId(), NEW_YORK);
        }
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static List<String> actions(List<AuditLine> lines) {
        return lines.stream().map(AuditLine::action).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void newestFirstOfTheOrganizationOnlyPagedAndCountedByTheDatabase(TestDatabase.Kind kind) {
        World w = new World(kind);
        AuditFilter everything = AuditFilter.all(w.hospital.getId());
        assertEquals(5L, (long) queries(kind, q -> q.count(everything)));
        List<AuditLine> all = queries(kind, q -> q.page(everything, 0, 10));
        assertEquals(List.of("organization.updated", "group.members-added", "group.updated", "user.unlocked",
                "group.created"), actions(all), "same time: the later event first");
        assertEquals(all.subList(2, 4), queries(kind, q -> q.page(everything, 2, 2)));
        assertEquals(at("2026-11-24T16:00:00Z"), all.get(0).occurredAt());
        assertEquals("Hopper, Grace (" + w.grace.getStaffId() + ")", all.get(0).actorLabel());
        assertEquals("Message expiration time: \"7 Days\" \u2192 \"1 Day\"", all.get(0).details());
        assertEquals("Organization updated", all.get(0).actionLabel());
        assertEquals("User 777", all.get(3).target());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void filtersByDaysOnTheAdministratorsClockActionActorAndText(TestDatabase.Kind kind) {
        World w = new World(kind);
        // 2026-11-01T03:30Z is still 31 October (23:30) in New York.
        assertEquals(List.of("user.unlocked"), actions(queries(kind, q -> q.page(
                w.filter(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 31), null, null, null), 0, 10))));
        assertEquals(0L, (long) queries(kind, q -> q.count(
                w.filter(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 23), null, null, null))));
        AuditCriteria defaults = AuditCriteria.lastDays(LocalDate.of(2026, 11, 24));
        assertEquals(4L, (long) queries(kind, q -> q.count(defaults.toFilter(w.hospital.getId(), NEW_YORK))),
                "the last 30 days leave out September");

        assertEquals(List.of("group.updated"), actions(queries(kind, q -> q.page(
                w.filter(null, null, "group.updated", null, null), 0, 10))), "the other organization's rename stays out");
        assertEquals(4L, (long) queries(kind, q -> q.count(w.filter(null, null, null, "HOPPER", null))),
                "actor text in any case");
        assertEquals(List.of("group.members-added"), actions(queries(kind, q -> q.page(
                w.filter(null, null, null, "sys", null), 0, 10))));
        assertEquals(List.of("group.members-added", "group.updated", "group.created"), actions(queries(kind,
                q -> q.page(w.filter(null, null, null, null, "icu"), 0, 10))), "details in any case");
        assertEquals(List.of("user.unlocked"), actions(queries(kind, q -> q.page(
                w.filter(null, null, null, null, "user 777"), 0, 10))), "the target as the page shows it");
        assertEquals(List.of("group.members-added"), actions(queries(kind, q -> q.page(
                w.filter(null, null, null, null, "0%"), 0, 10))), "a typed % matches itself");
        assertEquals(0L, (long) queries(kind, q -> q.count(w.filter(null, null, "group.created", "system", null))),
                "filters combine");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theExportHasEveryMatchingEventInChunksUpToTheLimit(TestDatabase.Kind kind) {
        World w = new World(kind);
        List<AuditLine> streamed = new ArrayList<>();
        assertEquals(5, (int) queries(kind, q -> q.forEach(AuditFilter.all(w.hospital.getId()), 100, 2,
                streamed::add)));
        assertEquals(queries(kind, q -> q.page(AuditFilter.all(w.hospital.getId()), 0, 10)), streamed,
                "chunks continue exactly where the previous one stopped, ties included");
        streamed.clear();
        assertEquals(3, (int) queries(kind, q -> q.forEach(AuditFilter.all(w.hospital.getId()), 3, 2,
                streamed::add)));
        assertEquals(List.of("organization.updated", "group.members-added", "group.updated"), actions(streamed));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFormulaLookingGroupNameIsExportedAsText(TestDatabase.Kind kind) {
        World w = new World(kind);
        TestDatabase db = databases.get(kind);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ContactGroup group = db.transaction(em -> {
            GroupService groups = new GroupService();
            setField(groups, "em", em);
            setField(groups, "clock", clock);
            setField(groups, "audit", TestAuditTrail.on(em, clock, () -> w.grace));
            return groups.create(w.hospital, "=cmd|' /C calc'!A0", false);
        });
        StringWriter out = new StringWriter();
        queries(kind, q -> {
            try (AuditCsv csv = AuditCsv.start(out, NEW_YORK)) {
                return q.forEach(w.filter(null, null, "group.created", null, "cmd"), 10, csv::row);
            }
        });
        assertEquals("\uFEFFTime,Actor,Action,Target type,Target id,Details\r\n"
                + "2026-11-24T12:00:00-05:00,\"Hopper, Grace (" + w.grace.getStaffId() + ")\",Group created,Group,"
                + group.getId() + ",'=cmd|' /C calc'!A0\r\n", out.toString());
        assertTrue(out.toString().lines().noneMatch(line -> line.startsWith("=")));
    }

    // ---- Filters by user and by conversation ----

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void filtersByUserAndByConversationWithinTheOrganizationsOwnTrail(TestDatabase.Kind kind) {
        World w = new World(kind);
        TestDatabase db = databases.get(kind);
        User stranger = db.transaction(em -> {
            User user = User.nativeUser(em.find(Organization.class, w.other.getId()),
                    "stranger." + UUID.randomUUID() + "@audit.test", "Sam", "Stranger", NEW_YORK, NOW);
            em.persist(user);
            user.assignStaffId();
            return user;
        });
        db.run(em -> {
            Organization h = em.find(Organization.class, w.hospital.getId());
            Organization o = em.find(Organization.class, w.other.getId());
            User g = em.find(User.class, w.grace.getId());
            User s = em.find(User.class, stranger.getId());
            em.persist(AuditEvent.bySystem(h, "user.locked", "User", String.valueOf(g.getId()), null,
                    at("2026-11-20T10:00:00Z")));
            em.persist(AuditEvent.byUser(g, h, "message.sent", "message", "9001", "Recipients: 1",
                    at("2026-11-21T10:00:00Z")).inConversation(55L));
            em.persist(AuditEvent.bySystem(h, "message.expired", "message", "9001", null,
                    at("2026-11-22T10:00:00Z")).inConversation(55L));
            em.persist(AuditEvent.byUser(s, h, "message.read", "message", "9002", null,
                    at("2026-11-22T11:00:00Z")).inConversation(56L));
            // The other organization's trail: the same conversation, and Grace acting there.
            em.persist(AuditEvent.byUser(s, o, "message.read", "message", "9001", null,
                    at("2026-11-21T11:00:00Z")).inConversation(55L));
            em.persist(AuditEvent.byUser(g, o, "affiliation.permissions", "Affiliation", "3", null,
                    at("2026-11-21T12:00:00Z")));
        });
        long grace = w.grace.getId();
        Function<AuditCriteria, List<String>> hospitalSees = c -> actions(queries(kind,
                q -> q.page(c.toFilter(w.hospital.getId(), NEW_YORK), 0, 20)));

        assertEquals(List.of("organization.updated", "group.updated", "message.sent", "user.locked", "user.unlocked",
                "group.created"), hospitalSees.apply(new AuditCriteria(null, null, null, null, null, grace, null)),
                "what Grace did and what was done to her, not the system's group change, not the other trail");
        assertEquals(List.of("message.expired", "message.sent"),
                hospitalSees.apply(new AuditCriteria(null, null, null, null, null, null, 55L)),
                "the other organization's line about conversation 55 stays in its own trail");
        assertEquals(List.of("message.sent"),
                hospitalSees.apply(new AuditCriteria(null, null, null, null, null, grace, 55L)), "filters combine");
        assertEquals(List.of("message.read"),
                hospitalSees.apply(new AuditCriteria(null, null, null, null, null, stranger.getId(), null)),
                "another organization's user: only what they did in this trail");
        assertEquals(List.of(), hospitalSees.apply(new AuditCriteria(LocalDate.of(2026, 11, 23), null, null, null,
                null, null, 55L)), "dates still apply");
        assertEquals(List.of("message.read"), actions(queries(kind, q -> q.page(
                new AuditCriteria(null, null, null, null, null, null, 55L).toFilter(w.other.getId(), NEW_YORK), 0,
                20))));
        assertEquals(1L, (long) queries(kind, q -> q.count(
                new AuditCriteria(null, null, null, null, null, grace, 55L).toFilter(w.hospital.getId(), NEW_YORK))));
    }

    private static void setField(Object target, String name, Object value) {
        try {
            java.lang.reflect.Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
