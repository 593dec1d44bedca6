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
import org.carebridge.directory.DirectoryAccess;
import org.carebridge.directory.DirectoryChanges;
import org.carebridge.directory.DirectoryClock;
import org.carebridge.directory.DirectoryEntry;
import org.carebridge.directory.DirectoryPage;
import org.carebridge.group.ContactGroup;
import org.carebridge.messaging.Conversation;
import org.carebridge.messaging.MessageDelivery;
import org.carebridge.messaging.MessageDraft;
import org.carebridge.messaging.MessagePriority;
import org.carebridge.messaging.MessagingAccess;
import org.carebridge.messaging.MessagingRefusedException;
import org.carebridge.messaging.MessagingService;
import org.carebridge.messaging.MessagingViews;
import org.carebridge.messaging.Recipients;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.ClusterLocksAccess;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.reachability.Reachability;
import org.carebridge.reachability.ReachabilityAccess;
import org.carebridge.reachability.UserFilter;
import org.carebridge.user.User;
import org.carebridge.user.UserAccess;
import org.carebridge.user.UserSearch;
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
                + " and u.kind = org.carebridge.user.UserKind.EXTERNAL and u.removedAt is null order by u.externalId",
                User.class)
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

    private <T> T messaging(TestDatabase.Kind kind, Function<MessagingAccess, T> work) {
        return databases.get(kind).transaction(em -> work.apply(MessagingAccess.over(em, clock)));
    }

    private static MessageDraft draft(String text) {
        return new MessageDraft(UUID.randomUUID().toString(), text, MessagePriority.NORMAL, List.of());
    }

    private User externalById(TestDatabase.Kind kind, Organization org, String externalId) {
        return external(kind, org).stream().filter(u -> externalId.equals(u.getExternalId())).findFirst().orElseThrow();
    }

    /**
     * The bug this guards against: deleting a synced user who took part in a conversation broke
     * the run on a foreign key, and every later run the same way. Now the user is removed (kept
     * for history) and leaves the directory, Find Users, its groups, favorites and its link; the
     * others' conversations stay readable; later runs succeed, and the same external id listed
     * again is a new user.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSyncedUserWithMessagesIsRemovedKeptForHistoryAndLaterRunsSucceed(TestDatabase.Kind kind) {
        Organization hospital = organization(kind, OrganizationKind.HOSPITAL, "Removal Hospital");
        integrations(kind, s -> s.enable(hospital));
        User nina = nativeUser(kind, hospital, "Nina");
        User nora = nativeUser(kind, hospital, "Nora");
        run(kind, hospital, List.of(contact("r1", "Rex", "Removed"), contact("r2", "Sue", "Stays")));
        User rex = externalById(kind, hospital, "r1");
        databases.get(kind).run(em -> {
            User managed = em.find(User.class, rex.getId());
            ContactGroup badges = new ContactGroup(em.find(Organization.class, hospital.getId()), "Badges", NOW);
            badges.addMember(managed);
            badges.addMember(em.find(User.class, nora.getId()));
            badges.addMember(em.find(User.class, nina.getId()));
            badges.changeWholeGroupMessaging(true);
            em.persist(badges);
        });
        long groupId = databases.get(kind).transaction(em -> em.createNamedQuery(ContactGroup.OF_MEMBER,
                ContactGroup.class).setParameter("userId", rex.getId()).getSingleResult().getId());

        MessagingService.Sent direct = messaging(kind, m -> m.messaging.start(nina.getId(),
                Recipients.users(rex.getId()), draft("Your patient in bed 4 is ready.")));
        long conversationId = direct.message().getConversation().getId();
        MessagingService.Sent shared = messaging(kind, m -> m.messaging.start(nina.getId(),
                Recipients.users(rex.getId(), nora.getId()), draft("Handover at 7.")));
        databases.get(kind).run(em -> DirectoryAccess.over(em, clock).addFavorite(nina, rex.getId()));
        DirectoryPage before = databases.get(kind).transaction(em -> DirectoryAccess.over(em, clock)
                .page(nina, null, null, null));
        assertTrue(before.entries().stream().anyMatch(e -> e.id() == rex.getId() && e.favorite()));
        // Linked afterwards (a linked badge user is listed as the profile, so not in 'before' otherwise).
        databases.get(kind).run(em -> em.find(User.class, rex.getId()).linkTo(em.find(User.class, nora.getId())));

        clock.advance(Duration.ofMinutes(1));
        ImportSummary removal = run(kind, hospital, List.of(contact("r2", "Sue", "Stays")));
        assertEquals(ImportRunState.SUCCEEDED, removal.state());
        assertEquals(List.of(0, 1, 0, 1, 0, 0), List.of(removal.created(), removal.unchanged(), removal.updated(),
                removal.deleted(), removal.overwritten(), removal.errors()));
        ImportRecord deleted = integrations(kind, s -> s.records(s.run(hospital, removal.runId()))).stream()
                .filter(r -> r.getChange() == ImportChange.DELETED).findFirst().orElseThrow();
        assertEquals("r1", deleted.getExternalId());
        assertEquals(rex.getStaffId(), deleted.getStaffId());
        assertTrue(deleted.getMessage().contains("unlinked from " + nora.getSortName()), deleted.getMessage());

        // Kept for history, gone from everything that lists people.
        User removed = databases.get(kind).transaction(em -> em.find(User.class, rex.getId()));
        assertTrue(removed.isRemoved());
        assertNull(removed.getExternalId(), "the external id is free for a new user");
        assertEquals("r1", removed.getRemovedExternalId());
        assertNull(removed.getLinkedUser(), "unlinked");
        assertEquals(List.of("r2"), external(kind, hospital).stream().map(User::getExternalId).toList());
        databases.get(kind).run(em -> {
            Reachability reachability = ReachabilityAccess.over(em);
            User me = em.find(User.class, nina.getId());
            assertFalse(reachability.mayReach(me, em.find(User.class, rex.getId())));
            assertFalse(reachability.userIds(reachability.audienceOf(me)).contains(rex.getId()));
            assertFalse(reachability.users(reachability.audienceOf(me), me.getId(), UserFilter.ALL.named("Rex"), 10)
                    .stream().anyMatch(u -> u.getId().equals(rex.getId())));
            assertFalse(UserAccess.search(em).search(em.find(Organization.class, hospital.getId()),
                    UserSearch.everyone(), UserSearch.Order.NAME, true, 0, 100).stream()
                    .anyMatch(u -> u.getId().equals(rex.getId())), "Find Users");
            assertFalse(em.createNamedQuery(User.MEMBERS_OF, User.class).setParameter("organizationId", hospital.getId())
                    .getResultList().stream().anyMatch(u -> u.getId().equals(rex.getId())), "Members");
            ContactGroup badges = em.find(ContactGroup.class, groupId);
            assertEquals(2, badges.getMemberCount(), "out of its group");
            assertEquals(List.of(), em.createNamedQuery(User.LINKED_TO, User.class).setParameter("userId", nora.getId())
                    .getResultList(), "gone from the native profile's linked accounts");
            assertFalse(reachability.connectorListing(hospital.getId()).stream()
                    .anyMatch(u -> u.getId().equals(rex.getId())));
        });
        DirectoryChanges changes = databases.get(kind).transaction(em -> DirectoryAccess.over(em, clock)
                .changes(nina, before.syncToken()));
        assertTrue(changes.removedUsers().contains(rex.getId()), "an incremental directory sync drops the user");
        assertFalse(changes.changed().stream().anyMatch(e -> e.id() == rex.getId()
                && !DirectoryEntry.GROUP.equals(e.kind())));
        DirectoryPage after = databases.get(kind).transaction(em -> DirectoryAccess.over(em, clock)
                .page(nina, null, null, null));
        assertFalse(after.entries().stream().anyMatch(e -> e.id() == rex.getId() && DirectoryEntry.EXTERNAL.equals(e.kind())));

        // The conversations stay, with the removed user's name; writing into them is refused by name.
        databases.get(kind).run(em -> {
            assertNotNull(em.find(Conversation.class, conversationId));
            assertEquals(1, em.createNamedQuery(MessageDelivery.OF_RECIPIENT, MessageDelivery.class)
                    .setParameter("messageId", direct.message().getId()).setParameter("recipientId", rex.getId())
                    .getResultList().size(), "the delivery to the removed user stays");
        });
        MessagingViews.ConversationSummary summary = messaging(kind, m -> m.queries.conversation(nina.getId(),
                conversationId));
        assertTrue(summary.participants().stream().anyMatch(p -> p.id() == rex.getId() && p.name().equals("Rex Removed")));
        MessagingViews.MessageView sentToRex = messaging(kind, m -> m.queries.message(nina.getId(),
                direct.message().getId()));
        assertEquals("Rex Removed", sentToRex.recipients().get(0).name());
        MessagingRefusedException refused = assertThrows(MessagingRefusedException.class, () -> messaging(kind,
                m -> m.messaging.send(nina.getId(), shared.message().getConversation().getId(), draft("Still there?"))));
        assertEquals(MessagingRefusedException.Reason.NOT_REACHABLE, refused.reason());
        assertEquals(List.of(rex.getId()), refused.unreachableUsers());
        assertTrue(refused.getMessage().contains("Rex Removed"), refused.getMessage());
        MessagingService.Sent toGroup = messaging(kind, m -> m.messaging.start(nora.getId(),
                new Recipients(List.of(), List.of(groupId), false), draft("Group note")));
        assertEquals(List.of(), databases.get(kind).transaction(em -> em.createNamedQuery(MessageDelivery.OF_RECIPIENT,
                MessageDelivery.class).setParameter("messageId", toGroup.message().getId())
                .setParameter("recipientId", rex.getId()).getResultList()), "not in group sends");

        // The next runs succeed; the same external id listed again is a new user.
        ImportSummary next = run(kind, hospital, List.of(contact("r2", "Sue", "Stays")));
        assertEquals(ImportRunState.SUCCEEDED, next.state());
        assertEquals(List.of(0, 1, 0), List.of(next.created(), next.unchanged(), next.deleted()));
        ImportSummary back = run(kind, hospital, List.of(contact("r1", "Rex", "Removed"), contact("r2", "Sue", "Stays")));
        assertEquals(ImportRunState.SUCCEEDED, back.state());
        assertEquals(1, back.created());
        User again = externalById(kind, hospital, "r1");
        assertNotEquals(rex.getId(), again.getId());
        assertNotEquals(rex.getStaffId(), again.getStaffId());
        assertFalse(again.isRemoved());
    }
}
