package org.carebridge.user;

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
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.carebridge.access.CurrentAdmin;
import org.carebridge.access.TestAccess;
import org.carebridge.audit.AuditEvent;
import org.carebridge.audit.TestAudit;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Find Users' queries and the profile service's rules on a fresh H2 and a fresh PostgreSQL
 * schema, each call in its own transaction with detached entities, as the pages run them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserServiceTest {

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

    private <T> T service(TestDatabase.Kind kind, CurrentAdmin admin, Function<UserService, T> work) {
        return databases.get(kind).transaction(em -> work.apply(serviceOn(em, admin)));
    }

    private <T> T service(TestDatabase.Kind kind, Function<UserService, T> work) {
        return service(kind, TestAccess.signedOut(), work);
    }

    /** Presence changes the service announced, for the test that checks them. */
    private static final org.carebridge.RecordingEvent<org.carebridge.events.PresenceChanged> PRESENCE =
            new org.carebridge.RecordingEvent<>();

    private static UserService serviceOn(EntityManager em, CurrentAdmin admin) {
        UserService service = new UserService();
        service.em = em;
        service.directoryClock = org.carebridge.directory.DirectoryClock.over(em);
        service.presenceChanges = PRESENCE;
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.hasher = TestAccess.hasher();
        service.admin = admin;
        service.audit = TestAudit.trail(em, service.clock, admin);
        service.clientTokens = TestAccess.clientTokens(em, service.clock);
        return service;
    }

    private Organization organization(TestDatabase.Kind kind) {
        return databases.get(kind).transaction(em -> {
            Organization org = new Organization(OrganizationKind.HOSPITAL, "Hospital " + UUID.randomUUID(),
                    PhoneNumber.parse("(408) 882-5830"), ZONE, NOW);
            em.persist(org);
            return org;
        });
    }

    private User person(TestDatabase.Kind kind, Organization org, String first, String last, StaffType type) {
        return databases.get(kind).transaction(em -> {
            User user = User.nativeUser(em.find(Organization.class, org.getId()),
                    first + "." + last.replace(" ", "") + "." + UUID.randomUUID().toString().substring(0, 6) + "@it.test",
                    first, last, ZONE, NOW);
            user.convertTo(type);
            em.persist(user);
            user.assignStaffId();
            return user;
        });
    }

    private User external(TestDatabase.Kind kind, Organization org, String first, String last) {
        return databases.get(kind).transaction(em -> {
            User user = User.externalUser(em.find(Organization.class, org.getId()), "vs-" + UUID.randomUUID(), first,
                    last, ZONE, NOW);
            em.persist(user);
            user.assignStaffId();
            return user;
        });
    }

    private static ProfileForm form(String first, String last, String email, String pin) {
        ProfileForm form = ProfileForm.blank(ZONE);
        form.setFirstName(first);
        form.setLastName(last);
        form.setEmail(email);
        form.setPin(pin);
        form.setCellPhone("408 555 0147");
        return form;
    }

    private int count(TestDatabase.Kind kind, Organization org, UserSearch search) {
        return service(kind, s -> s.count(org, search));
    }

    private List<String> names(TestDatabase.Kind kind, Organization org, UserSearch search, UserSearch.Order order,
            boolean ascending, int first, int max) {
        return service(kind, s -> s.search(org, search, order, ascending, first, max).stream()
                .map(User::getSortName).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void findUsersFiltersPagesAndSortsInTheDatabase(TestDatabase.Kind kind) {
        Organization org = organization(kind);
        Organization other = organization(kind);
        for (int i = 0; i < 23; i++) {
            person(kind, org, "Nurse" + (char) ('A' + i), "Zed", StaffType.NON_PHYSICIAN);
        }
        person(kind, org, "Steve", "Blair", StaffType.PHYSICIAN);
        person(kind, org, "Miles", "Davis", StaffType.PHYSICIAN);
        person(kind, org, "Rose", "Marie", StaffType.NON_PHYSICIAN);
        person(kind, org, "Percent", "100%_Sure", StaffType.NON_PHYSICIAN);
        external(kind, org, "Ellen", "Strong");
        person(kind, other, "Miles", "Davison", StaffType.PHYSICIAN);

        assertEquals(28, count(kind, org, UserSearch.everyone()));
        assertEquals(List.of("100%_Sure, Percent", "Blair, Steve", "Davis, Miles", "Marie, Rose", "Strong, Ellen",
                "Zed, NurseA", "Zed, NurseB", "Zed, NurseC", "Zed, NurseD", "Zed, NurseE"),
                names(kind, org, UserSearch.everyone(), UserSearch.Order.NAME, true, 0, 10));
        assertEquals(List.of("Zed, NurseU", "Zed, NurseV", "Zed, NurseW"),
                names(kind, org, UserSearch.everyone(), UserSearch.Order.NAME, true, 25, 10));
        assertEquals(List.of("Zed, NurseW", "Zed, NurseV"),
                names(kind, org, UserSearch.everyone(), UserSearch.Order.NAME, false, 0, 2));

        UserSearch davis = new UserSearch(" MIL", "dav", null, UserType.ALL);
        assertEquals(List.of("Davis, Miles"), names(kind, org, davis, UserSearch.Order.NAME, true, 0, 10),
                "case-insensitive parts of names, never another organization's users");
        assertEquals(1, count(kind, org, davis));
        assertEquals(List.of("Blair, Steve", "Davis, Miles"),
                names(kind, org, new UserSearch(null, null, null, UserType.PHYSICIAN), UserSearch.Order.NAME, true, 0, 10));
        assertEquals(List.of("Strong, Ellen"),
                names(kind, org, new UserSearch(null, null, null, UserType.EXTERNAL), UserSearch.Order.NAME, true, 0, 10));
        assertEquals(25, count(kind, org, new UserSearch(null, null, null, UserType.NON_PHYSICIAN)));
        assertEquals(List.of("Marie, Rose"),
                names(kind, org, new UserSearch(null, null, "ROSE.MAR", UserType.ALL), UserSearch.Order.NAME, true, 0, 10));
        assertEquals(List.of("100%_Sure, Percent"),
                names(kind, org, new UserSearch(null, "0%_", null, UserType.ALL), UserSearch.Order.NAME, true, 0, 10),
                "typed % and _ match themselves");

        assertEquals(List.of("Strong, Ellen", "100%_Sure, Percent", "Marie, Rose"),
                names(kind, org, UserSearch.everyone(), UserSearch.Order.TYPE, true, 0, 3),
                "External User, then Non-Physician, then Physician");
        assertEquals(List.of("Blair, Steve", "Davis, Miles", "100%_Sure, Percent"),
                names(kind, org, UserSearch.everyone(), UserSearch.Order.TYPE, false, 0, 3));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStatusAnAdministratorSetsIsAnnouncedToConnectedClients(TestDatabase.Kind kind) {
        Organization org = organization(kind);
        User user = service(kind, s -> s.create(org, form("Stan", "Getz", "stan." + UUID.randomUUID() + "@it.test",
                "1234")));
        ProfileForm busy = ProfileForm.of(user);
        busy.setStatus(PresenceStatus.BUSY);
        service(kind, s -> s.update(user, busy));
        assertTrue(PRESENCE.fired().contains(new org.carebridge.events.PresenceChanged(user.getId(), "Busy")));

        ProfileForm renamed = ProfileForm.of(user);
        renamed.setStatus(PresenceStatus.BUSY);
        renamed.setNickname("Stan the Sound");
        long before = PRESENCE.fired().stream().filter(c -> c.userId() == user.getId()).count();
        service(kind, s -> s.update(user, renamed));
        assertEquals(before, PRESENCE.fired().stream().filter(c -> c.userId() == user.getId()).count(),
                "no presence event when the status stays");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void emailsAreUniqueAcrossOrganizationsWhateverTheirCase(TestDatabase.Kind kind) {
        Organization org = organization(kind);
        Organization other = organization(kind);
        String email = "unique." + UUID.randomUUID().toString().substring(0, 6) + "@it.test";
        User created = service(kind, s -> s.create(org, form("Jane", "Doe", email, "1234")));
        assertEquals(String.valueOf(100_000 + created.getId()), created.getStaffId());
        assertThrows(DuplicateEmailException.class,
                () -> service(kind, s -> s.create(other, form("John", "Doe", "  " + email.toUpperCase(), "1234"))));
        User second = service(kind, s -> s.create(org, form("John", "Roe", "2" + email, "4321")));
        ProfileForm update = ProfileForm.of(second);
        update.setEmail(email.toUpperCase());
        assertThrows(DuplicateEmailException.class, () -> service(kind, s -> s.update(second, update)));
        assertEquals(2, count(kind, org, new UserSearch(null, null, email, UserType.ALL)),
                "both addresses contain the first; nothing else was stored");

        ProfileForm noPin = form("No", "Pin", "3" + email, " ");
        ProfileProblemsException refused = assertThrows(ProfileProblemsException.class,
                () -> service(kind, s -> s.create(org, noPin)));
        assertTrue(refused.problems().containsKey("pin"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onlyASystemAdministratorGrantsTheSystemAdministratorRole(TestDatabase.Kind kind) {
        Organization org = organization(kind);
        User orgAdmin = person(kind, org, "Org", "Admin", StaffType.NON_PHYSICIAN);
        User sysAdmin = person(kind, org, "Sys", "Admin", StaffType.NON_PHYSICIAN);
        String email = "role." + UUID.randomUUID().toString().substring(0, 6) + "@it.test";
        ProfileForm form = form("Ada", "Root", email, "1234");
        form.setSystemAdmin(true);
        ProfileProblemsException refused = assertThrows(ProfileProblemsException.class,
                () -> service(kind, TestAccess.signedIn(orgAdmin, false), s -> s.create(org, form)));
        assertTrue(refused.problems().containsKey("systemAdmin"));
        User ada = service(kind, TestAccess.signedIn(sysAdmin, true), s -> s.create(org, form));
        assertTrue(ada.isSystemAdmin());

        ProfileForm demote = ProfileForm.of(ada);
        demote.setSystemAdmin(false);
        assertThrows(ProfileProblemsException.class,
                () -> service(kind, TestAccess.signedIn(orgAdmin, false), s -> s.update(ada, demote)));
        ProfileForm rename = ProfileForm.of(ada);
        rename.setLastName("Lovelace");
        User renamed = service(kind, TestAccess.signedIn(orgAdmin, false), s -> s.update(ada, rename)).user();
        assertTrue(renamed.isSystemAdmin(), "an organization administrator may edit a system administrator's other fields");
        assertEquals("Lovelace", renamed.getLastName());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void loginDisabledEndsEveryClientSessionOfTheUserAtOnce(TestDatabase.Kind kind) {
        Organization hospital = organization(kind);
        User user = person(kind, hospital, "Signed", "In", StaffType.NON_PHYSICIAN);
        List<Long> sessions = databases.get(kind).transaction(em -> {
            User managed = em.find(User.class, user.getId());
            List<Long> ids = new java.util.ArrayList<>();
            for (String key : List.of("phone", "tablet")) {
                org.carebridge.device.Device device = new org.carebridge.device.Device(managed, key,
                        org.carebridge.device.DevicePlatform.IOS, key, NOW);
                em.persist(device);
                org.carebridge.access.ClientSession session = new org.carebridge.access.ClientSession(device,
                        UUID.randomUUID().toString(), NOW, java.time.Duration.ofHours(12));
                em.persist(session);
                em.flush();
                ids.add(session.getId());
            }
            return ids;
        });
        ProfileForm disable = ProfileForm.of(service(kind, s -> s.em.find(User.class, user.getId())));
        disable.setLoginState(LoginState.DISABLED);
        service(kind, s -> s.update(user, disable));
        for (Long id : sessions) {
            assertEquals(NOW, databases.get(kind).transaction(em -> em.find(org.carebridge.access.ClientSession.class, id))
                    .getRevokedAt(), "every session ends with the change");
        }
        assertTrue(databases.get(kind).transaction(em -> org.carebridge.audit.TestAuditTrail.eventsOf(em, hospital)).stream()
                .anyMatch(e -> e.getAction().equals("user.sessions-revoked") && e.getDetails().contains("2 client sessions")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void unlockingNeedsANewPinAndTheAuditNeverShowsTheCellOrPin(TestDatabase.Kind kind) {
        Organization org = organization(kind);
        User user = person(kind, org, "Locked", "Out", StaffType.NON_PHYSICIAN);
        databases.get(kind).run(em -> em.find(User.class, user.getId()).changeLoginState(LoginState.LOCKED));
        databases.get(kind).execute("update app_user set failed_pin_attempts = 10 where id = " + user.getId());
        User locked = service(kind, s -> s.em.find(User.class, user.getId()));

        ProfileForm enableOnly = ProfileForm.of(locked);
        enableOnly.setLoginState(LoginState.ENABLED);
        ProfileProblemsException refused = assertThrows(ProfileProblemsException.class,
                () -> service(kind, s -> s.update(locked, enableOnly)));
        assertTrue(refused.problems().get("loginState").contains("new PIN"));

        ProfileForm unlock = ProfileForm.of(locked);
        unlock.setLoginState(LoginState.ENABLED);
        unlock.setPin("4711");
        unlock.setPinTemporary(true);
        unlock.setCellPhone("(212) 555-0199");
        UserService.Updated updated = service(kind, s -> s.update(locked, unlock));
        assertTrue(updated.unlocked());
        User stored = service(kind, s -> s.em.find(User.class, user.getId()));
        assertEquals(LoginState.ENABLED, stored.getLoginState());
        assertEquals(0, stored.getFailedPinAttempts());
        assertTrue(stored.isPinTemporary());
        assertTrue(TestAccess.hasher().matches("4711", stored.getPinHash()));
        assertEquals("(212) 555-0199", stored.getCellPhone());

        List<AuditEvent> events = databases.get(kind).transaction(em -> em.createNamedQuery(AuditEvent.OF_TARGET,
                AuditEvent.class).setParameter("targetType", "User").setParameter("targetId", String.valueOf(user.getId()))
                .getResultList());
        assertEquals(List.of("user.pin-changed", "user.unlocked", "user.updated"),
                events.stream().map(AuditEvent::getAction).sorted().toList());
        for (AuditEvent event : events) {
            assertFalse(event.getDetails().contains("555"), event.getDetails());
            assertFalse(event.getDetails().contains("4711"), event.getDetails());
        }
        assertTrue(events.stream().anyMatch(e -> e.getDetails().contains("Cell (private): changed")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void convertingBackRestoresThePhysicianAttributes(TestDatabase.Kind kind) {
        Organization org = organization(kind);
        User doc = person(kind, org, "Heart", "Doc", StaffType.PHYSICIAN);
        ProfileForm form = ProfileForm.of(doc);
        form.setSpecialty("Cardiology");
        form.setHomePageUrl("https://heart.example.org");
        service(kind, s -> s.update(doc, form));
        User nonPhysician = service(kind, s -> s.convert(doc, StaffType.NON_PHYSICIAN));
        assertEquals(StaffType.NON_PHYSICIAN, nonPhysician.getStaffType());
        ProfileForm edit = ProfileForm.of(nonPhysician);
        edit.setSpecialty("typed while hidden");
        service(kind, s -> s.update(nonPhysician, edit));
        User physician = service(kind, s -> s.convert(doc, StaffType.PHYSICIAN));
        assertEquals("Cardiology", physician.getSpecialty());
        assertEquals("https://heart.example.org", physician.getHomePageUrl());
    }
}
