package org.carebridge.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.carebridge.access.NotInScopeException;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditEvent;
import org.carebridge.audit.TestAuditTrail;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The group service's rules and queries on a fresh H2 and a fresh PostgreSQL schema, each call
 * in its own transaction as the container would run it, with detached entities passed between
 * calls as the console pages do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
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

    /** Runs {@code work} against a service bound to one transaction, as {@code @Transactional} would. */
    private <T> T service(TestDatabase.Kind kind, Function<GroupService, T> work) {
        return databases.get(kind).transaction(em -> work.apply(serviceOn(em)));
    }

    private GroupService serviceOn(EntityManager em) {
        GroupService service = new GroupService();
        service.em = em;
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.audit = TestAuditTrail.on(em, service.clock, () -> actor);
        return service;
    }

    /** The administrator the audit trail sees as signed in; {@code null} for the system. */
    private User actor;

    private List<AuditEvent> events(TestDatabase.Kind kind, Organization org) {
        return databases.get(kind).transaction(em -> TestAuditTrail.eventsOf(em, org));
    }

    private Organization organization(TestDatabase.Kind kind) {
        return databases.get(kind).transaction(em -> {
            Organization org = new Organization(OrganizationKind.HOSPITAL, "Hospital " + UUID.randomUUID(),
                    PhoneNumber.parse("(408) 882-5830"), ZONE, NOW);
            em.persist(org);
            return org;
        });
    }

    private User user(TestDatabase.Kind kind, Organization org, String first, String last) {
        return databases.get(kind).transaction(em -> {
            User user = User.nativeUser(em.find(Organization.class, org.getId()),
                    first.toLowerCase() + "." + UUID.randomUUID() + "@groups.test", first, last, ZONE, NOW);
            em.persist(user);
            user.assignStaffId();
            return user;
        });
    }

    private Organization organizationOf(TestDatabase.Kind kind, User user) {
        return databases.get(kind).transaction(em -> em.find(User.class, user.getId()).getOrganization());
    }

    private static List<String> names(List<User> users) {
        return users.stream().map(User::getSortName).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void namesAreUniqueInAnOrganizationWhateverTheirCase(TestDatabase.Kind kind) {
        Organization hospital = organization(kind);
        Organization other = organization(kind);
        ContactGroup icu = service(kind, s -> s.create(hospital, "  Surgical ICU ", false));
        assertEquals("Surgical ICU", icu.getName());

        DuplicateGroupNameException refused = assertThrows(DuplicateGroupNameException.class,
                () -> service(kind, s -> s.create(hospital, "surgical icu", false)));
        assertEquals("This organization already has a group named \"surgical icu\".", refused.getMessage());
        service(kind, s -> s.create(other, "SURGICAL ICU", false));

        ContactGroup pharmacy = service(kind, s -> s.create(hospital, "Pharmacy", false));
        assertThrows(DuplicateGroupNameException.class,
                () -> service(kind, s -> s.update(pharmacy, "SURGICAL icu", false)));
        assertEquals("Pharmacy", databases.get(kind).transaction(em -> em.find(ContactGroup.class, pharmacy.getId()))
                .getName());

        ContactGroup renamed = service(kind, s -> s.update(icu, "SURGICAL ICU", false));
        assertEquals("SURGICAL ICU", renamed.getName(), "a group may change the case of its own name");
        assertEquals(2, (int) service(kind, s -> s.countMatching(hospital, "")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void wholeGroupMessagingWaitsForMembers(TestDatabase.Kind kind) {
        Organization hospital = organization(kind);
        User nurse = user(kind, hospital, "Rose", "Marie");
        assertThrows(IllegalArgumentException.class, () -> service(kind, s -> s.create(hospital, "Night Shift", true)));

        ContactGroup group = service(kind, s -> s.create(hospital, "Night Shift", false));
        assertThrows(IllegalArgumentException.class, () -> service(kind, s -> s.update(group, "Night Shift", true)));
        service(kind, s -> s.addMembers(group, List.of(nurse.getId())));
        assertTrue(service(kind, s -> s.update(group, "Night Shift", true)).isWholeGroupMessaging());

        service(kind, s -> s.removeMembers(group, List.of(nurse.getId())));
        assertFalse(databases.get(kind).transaction(em -> em.find(ContactGroup.class, group.getId()))
                .isWholeGroupMessaging(), "an emptied group cannot be written to as a whole");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onlyUsersOfTheGroupsOrganizationCanJoinIt(TestDatabase.Kind kind) {
        Organization hospital = organization(kind);
        User steve = user(kind, hospital, "Steve", "Blair");
        User outsider = user(kind, organization(kind), "Lucy", "Van Pelt");
        ContactGroup group = service(kind, s -> s.create(hospital, "Physical Therapy", false));

        NotInScopeException refused = assertThrows(NotInScopeException.class,
                () -> service(kind, s -> s.addMembers(group, List.of(steve.getId(), outsider.getId()))));
        assertFalse(refused.getMessage().contains("Lucy"), "the refusal names nobody");
        assertThrows(NotInScopeException.class, () -> service(kind, s -> s.addMembers(group, List.of(-1L))));
        assertEquals(List.of(), service(kind, s -> s.members(group)), "nothing was added");

        service(kind, s -> s.addMembers(group, List.of(steve.getId(), steve.getId())));
        service(kind, s -> s.addMembers(group, List.of(steve.getId())));
        assertEquals(List.of("Blair, Steve"), names(service(kind, s -> s.members(group))));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void removedMembersStayInTheOrganization(TestDatabase.Kind kind) {
        Organization hospital = organization(kind);
        User carla = user(kind, hospital, "Carla", "Bley");
        User art = user(kind, hospital, "Art", "Pepper");
        User miles = user(kind, hospital, "Miles", "Davis");
        ContactGroup group = service(kind, s -> s.create(hospital, "Jazz Clinic", false));
        service(kind, s -> s.addMembers(group, List.of(art.getId(), carla.getId(), miles.getId())));
        assertEquals(List.of("Bley, Carla", "Davis, Miles", "Pepper, Art"), names(service(kind, s -> s.members(group))));

        ContactGroup after = service(kind, s -> s.removeMembers(group, List.of(carla.getId(), art.getId(), -5L)));
        assertEquals(1, after.getMemberCount());
        assertEquals(List.of("Davis, Miles"), names(service(kind, s -> s.members(group))));
        assertEquals(hospital.getId(), organizationOf(kind, carla).getId());
        assertEquals(List.of("Bley, Carla", "Pepper, Art"), names(service(kind, s -> s.candidates(group, null, 0, 100))));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void candidatesAreTheOrganizationsOtherMembers(TestDatabase.Kind kind) {
        Organization hospital = organization(kind);
        User charlie = user(kind, hospital, "Charlie", "Brown");
        User sally = user(kind, hospital, "Sally", "Brown");
        user(kind, organization(kind), "Peppermint", "Patty");
        ContactGroup group = service(kind, s -> s.create(hospital, "Peanuts", false));
        assertEquals(List.of("Brown, Charlie", "Brown, Sally"), names(service(kind, s -> s.candidates(group, null, 0, 100))));

        service(kind, s -> s.addMembers(group, List.of(sally.getId())));
        assertEquals(List.of("Brown, Charlie"), names(service(kind, s -> s.candidates(group, null, 0, 100))));
        assertEquals(charlie.getId(), service(kind, s -> s.candidates(group, null, 0, 100)).get(0).getId());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void candidatesAreSearchedAndPagedByTheDatabase(TestDatabase.Kind kind) {
        Organization hospital = organization(kind);
        for (int i = 0; i < 25; i++) {
            user(kind, hospital, "Nurse" + i, String.format("Ward%02d", i));
        }
        User sally = user(kind, hospital, "Sally", "Brown");
        User lucy = user(kind, hospital, "Lucy", "Van_Pelt");
        ContactGroup group = service(kind, s -> s.create(hospital, "Night Shift", false));

        assertEquals(27, (int) service(kind, s -> s.countCandidates(group, null)));
        assertEquals(List.of("Ward10, Nurse10", "Ward11, Nurse11"),
                names(service(kind, s -> s.candidates(group, "WARD", 10, 2))), "any case, paged in name order");
        assertEquals(25, (int) service(kind, s -> s.countCandidates(group, "ward")));
        assertEquals(List.of("Brown, Sally"), names(service(kind, s -> s.candidates(group, "sally", 0, 20))),
                "first names match too");
        assertEquals(List.of("Brown, Sally"),
                names(service(kind, s -> s.candidates(group, sally.getEmail().substring(0, 8).toUpperCase(), 0, 20))),
                "and e-mail addresses");
        assertEquals(List.of("Van_Pelt, Lucy"), names(service(kind, s -> s.candidates(group, "n_p", 0, 20))),
                "an underscore is just an underscore");
        assertEquals(0, (int) service(kind, s -> s.countCandidates(group, "%")));

        service(kind, s -> s.addMembers(group, List.of(lucy.getId())));
        assertEquals(0, (int) service(kind, s -> s.countCandidates(group, "pelt")), "members are not offered again");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void searchMatchesPartOfTheNameInAnyCaseAndCountsMembers(TestDatabase.Kind kind) {
        Organization hospital = organization(kind);
        Organization other = organization(kind);
        User nurse = user(kind, hospital, "Sally", "Brown");
        ContactGroup cardiology = service(kind, s -> s.create(hospital, "Cardiology", false));
        service(kind, s -> s.create(hospital, "Pediatric Cardiac Surgery", false));
        service(kind, s -> s.create(hospital, "Pharmacy 100%", false));
        service(kind, s -> s.create(other, "Cardiology West", false));
        service(kind, s -> s.addMembers(cardiology, List.of(nurse.getId())));

        assertEquals(List.of(new GroupSummary(cardiology.getId(), "Cardiology", 1L)),
                service(kind, s -> s.search(hospital, "CARDIOLOGY", 0, 10)));
        assertEquals(List.of("Cardiology", "Pediatric Cardiac Surgery"),
                service(kind, s -> s.search(hospital, "cardi", 0, 10)).stream().map(GroupSummary::name).toList());
        assertEquals(2, (int) service(kind, s -> s.countMatching(hospital, " Cardi ")));
        assertEquals(List.of("Pharmacy 100%"),
                service(kind, s -> s.search(hospital, "0%", 0, 10)).stream().map(GroupSummary::name).toList());
        assertEquals(0, (int) service(kind, s -> s.countMatching(hospital, "_")), "typed wildcards match themselves");

        assertEquals(3, (int) service(kind, s -> s.countMatching(hospital, null)));
        assertEquals(List.of("Pediatric Cardiac Surgery", "Pharmacy 100%"),
                service(kind, s -> s.search(hospital, "", 1, 10)).stream().map(GroupSummary::name).toList());
        assertEquals(0L, service(kind, s -> s.search(hospital, "pharmacy", 0, 10)).get(0).memberCount());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyChangeIsAuditedWithWhoDidItAndWhatChanged(TestDatabase.Kind kind) {
        Organization hospital = organization(kind);
        User admin = user(kind, hospital, "Grace", "Hopper");
        User charlie = user(kind, hospital, "Charlie", "Brown");
        User miles = user(kind, hospital, "Miles", "Davis");
        actor = admin;
        try {
            ContactGroup group = service(kind, s -> s.create(hospital, "Night Shift", false));
            service(kind, s -> s.addMembers(group, List.of(miles.getId(), charlie.getId())));
            service(kind, s -> s.addMembers(group, List.of(miles.getId())));
            service(kind, s -> s.update(group, "Night Shift", false));
            service(kind, s -> s.update(group, "Night Team", true));
            service(kind, s -> s.removeMembers(group, List.of(charlie.getId())));
            service(kind, s -> s.removeMembers(group, List.of(miles.getId(), -3L)));
            service(kind, s -> s.removeMembers(group, List.of(miles.getId())));

            List<AuditEvent> events = events(kind, hospital);
            assertEquals(List.of(AuditAction.GROUP_MEMBERS_REMOVED, AuditAction.GROUP_MEMBERS_REMOVED,
                    AuditAction.GROUP_UPDATED, AuditAction.GROUP_MEMBERS_ADDED, AuditAction.GROUP_CREATED),
                    events.stream().map(e -> AuditAction.ofCode(e.getAction())).toList(),
                    "unchanged saves and re-adding a member record nothing");
            assertEquals(List.of("Group \"Night Team\": Davis, Miles (" + miles.getStaffId() + ")"
                            + "; Members can send messages to whole group: \"Yes\" \u2192 \"No\"",
                    "Group \"Night Team\": Brown, Charlie (" + charlie.getStaffId() + ")",
                    "Group name: \"Night Shift\" \u2192 \"Night Team\"; Members can send messages to whole group: "
                            + "\"No\" \u2192 \"Yes\"",
                    "Group \"Night Shift\": Brown, Charlie (" + charlie.getStaffId() + "); Davis, Miles ("
                            + miles.getStaffId() + ")",
                    "Night Shift"), events.stream().map(AuditEvent::getDetails).toList());
            for (AuditEvent event : events) {
                assertEquals("Group", event.getTargetType());
                assertEquals(String.valueOf(group.getId()), event.getTargetId());
                assertEquals("Hopper, Grace (" + admin.getStaffId() + ")", event.getActorLabel());
                assertEquals(admin.getId(), event.getActor().getId());
                assertEquals(NOW, event.getOccurredAt());
            }
        } finally {
            actor = null;
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theAuditLineIsPartOfTheChangesTransaction(TestDatabase.Kind kind) {
        Organization hospital = organization(kind);
        ContactGroup group = service(kind, s -> s.create(hospital, "Pharmacy", false));
        assertEquals(1, events(kind, hospital).size());
        assertEquals("System", events(kind, hospital).get(0).getActorLabel(), "nobody signed in");

        assertThrows(IllegalStateException.class, () -> service(kind, s -> {
            s.update(group, "Pharmacy West", false);
            assertEquals(2L, s.em.createQuery("select count(e) from AuditEvent e where e.organization.id = :id",
                    Long.class).setParameter("id", hospital.getId()).getSingleResult(), "written, not yet committed");
            throw new IllegalStateException("the caller fails after the service returned");
        }));
        assertEquals("Pharmacy", databases.get(kind).transaction(em -> em.find(ContactGroup.class, group.getId()))
                .getName());
        assertEquals(List.of(AuditAction.GROUP_CREATED.code()),
                events(kind, hospital).stream().map(AuditEvent::getAction).toList(), "rolled back together");
    }

    /**
     * Two administrators create the same name at once: neither sees the other's uncommitted
     * group, so the database's unique key decides, and the loser gets the same clear refusal.
     */
    @Test
    void aConcurrentDuplicateIsRefusedByTheDatabaseWithTheSameMessage() throws Exception {
        TestDatabase db = databases.get(TestDatabase.Kind.POSTGRESQL);
        Organization hospital = organization(TestDatabase.Kind.POSTGRESQL);
        EntityManager first = db.entityManagerFactory().createEntityManager();
        try {
            first.getTransaction().begin();
            serviceOn(first).create(hospital, "Stroke Team", false);
            CompletableFuture<ContactGroup> second = CompletableFuture.supplyAsync(
                    () -> service(TestDatabase.Kind.POSTGRESQL, s -> s.create(hospital, "STROKE TEAM", false)));
            awaitInsertWaitingForALock(db);
            first.getTransaction().commit();
            Exception failure = assertThrows(Exception.class, () -> second.get(30, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof DuplicateGroupNameException, failure::toString);
        } finally {
            if (first.getTransaction().isActive()) {
                first.getTransaction().rollback();
            }
            first.close();
        }
    }

    /** The second insert waits on the first transaction's index entry until that one ends. */
    private static void awaitInsertWaitingForALock(TestDatabase db) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement waiting = c.prepareStatement("select count(*) from pg_stat_activity"
                        + " where wait_event_type = 'Lock' and query ilike 'insert into contact_group%'")) {
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("The second insert never waited for the first transaction");
    }
}
