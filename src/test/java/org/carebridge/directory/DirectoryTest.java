package org.carebridge.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;

import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.events.PresenceChanged;
import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.reachability.ReachabilityAccess;
import org.carebridge.user.PresenceStatus;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client directory on a fresh H2 and a fresh PostgreSQL schema, each call in its own
 * transaction as the container runs it: the guide's community examples (hidden users really
 * absent), search, paging, favorites, and incremental changes for every cause.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private final Map<TestDatabase.Kind, TestDatabase> databases = new EnumMap<>(TestDatabase.Kind.class);
    private final List<PresenceChanged> fired = new ArrayList<>();

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

    private Directory directoryOn(EntityManager em) {
        Directory directory = new Directory();
        directory.em = em;
        directory.reachability = ReachabilityAccess.over(em);
        directory.directoryClock = DirectoryClock.over(em);
        directory.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return directory;
    }

    private <T> T directory(TestDatabase.Kind kind, Function<Directory, T> work) {
        return databases.get(kind).transaction(em -> work.apply(directoryOn(em)));
    }

    private <T> T tx(TestDatabase.Kind kind, Function<EntityManager, T> work) {
        return databases.get(kind).transaction(work);
    }

    /** A small world: the guide's hospitals A–D (A with B and C, B with D) and a practice P of A. */
    private final class World {
        final Map<String, Organization> orgs = new HashMap<>();
        final Map<String, User> users = new HashMap<>();
        final Map<String, Affiliation> affiliations = new HashMap<>();
        ContactGroup pShared;
        final String run = UUID.randomUUID().toString().substring(0, 8);

        World(TestDatabase.Kind kind) {
            tx(kind, em -> {
                for (String name : List.of("A", "B", "C", "D", "P")) {
                    Organization org = new Organization(name.equals("P") ? OrganizationKind.PRACTICE
                            : OrganizationKind.HOSPITAL, "Org " + name + " " + run, PhoneNumber.parse("(408) 882-5830"),
                            ZONE, NOW);
                    em.persist(org);
                    orgs.put(name, org);
                }
                person(em, "a1", "A", "Alice", "Adams");
                person(em, "a2", "A", "Aaron", "Zimmer");
                person(em, "b1", "B", "Bea", "Baker");
                person(em, "c1", "C", "Carl", "Clark");
                person(em, "d1", "D", "Dana", "Doe");
                person(em, "p1", "P", "Pat", "Parker");
                person(em, "p2", "P", "Pia", "Hidden");
                User badge = User.externalUser(orgs.get("A"), "badge-" + run, "Eve", "Badge", ZONE, NOW);
                em.persist(badge);
                badge.assignStaffId();
                badge.setCellPhone("(408) 555-0199");
                users.put("ext", badge);
                pShared = new ContactGroup(orgs.get("P"), "Shared", NOW);
                pShared.addMember(users.get("p1"));
                em.persist(pShared);
                affiliate(em, "A", "B");
                affiliate(em, "A", "C");
                affiliate(em, "B", "D");
                Affiliation ap = affiliate(em, "A", "P");
                ap.setPermission(orgs.get("P"), AssociationPermission.GROUPS, List.of(pShared));
                return null;
            });
        }

        private void person(EntityManager em, String key, String org, String first, String last) {
            User user = User.nativeUser(orgs.get(org), key + "." + run + "@dir.test", first, last, ZONE, NOW);
            user.setCellPhone("(408) 555-0100");
            em.persist(user);
            user.assignStaffId();
            users.put(key, user);
        }

        private Affiliation affiliate(EntityManager em, String one, String other) {
            Affiliation a = new Affiliation(orgs.get(one), orgs.get(other), NOW);
            em.persist(a);
            affiliations.put(one + other, a);
            return a;
        }

        long id(String key) {
            return users.get(key).getId();
        }

        Set<Long> ids(String... keys) {
            return java.util.Arrays.stream(keys).map(this::id).collect(Collectors.toSet());
        }
    }

    private static Set<Long> peopleIn(List<DirectoryEntry> entries) {
        return entries.stream().filter(e -> e.kind().equals(DirectoryEntry.NATIVE) || e.kind().equals(DirectoryEntry.EXTERNAL))
                .map(DirectoryEntry::id).collect(Collectors.toSet());
    }

    private DirectoryPage firstPage(TestDatabase.Kind kind, World w, String who) {
        return directory(kind, d -> d.page(w.users.get(who), null, Directory.MAX_PAGE_SIZE, null));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theGuidesCommunityDecidesWhoIsListed(TestDatabase.Kind kind) {
        World w = new World(kind);
        // A reaches its affiliates B, C and P (only P's shared group), and D through hospital B.
        assertEquals(w.ids("a2", "ext", "b1", "c1", "d1", "p1"), peopleIn(firstPage(kind, w, "a1").entries()));
        // C reaches A and, through hospital A, B and P's shared group; never D (no hospital links C and D).
        assertEquals(w.ids("a1", "a2", "ext", "b1", "p1"), peopleIn(firstPage(kind, w, "c1").entries()));
        // D reaches B and, through B, A; not C or P.
        assertEquals(w.ids("a1", "a2", "ext", "b1"), peopleIn(firstPage(kind, w, "d1").entries()));
        // The practice user outside the shared group reaches only its own organization.
        assertEquals(w.ids("p1"), peopleIn(firstPage(kind, w, "p2").entries()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void entriesShowWhatColleaguesMaySeeAndNeverThePrivateNumber(TestDatabase.Kind kind) {
        World w = new World(kind);
        List<DirectoryEntry> entries = firstPage(kind, w, "a1").entries();
        DirectoryEntry badge = entries.stream().filter(e -> e.id() == w.id("ext")).findFirst().orElseThrow();
        assertEquals(DirectoryEntry.EXTERNAL, badge.kind());
        assertEquals("Eve Badge", badge.name());
        assertEquals("Org A " + w.run, badge.organizationName());
        assertEquals("Available", badge.status());
        DirectoryEntry bea = entries.stream().filter(e -> e.id() == w.id("b1")).findFirst().orElseThrow();
        assertEquals(DirectoryEntry.NATIVE, bea.kind());
        assertEquals("Org B " + w.run, bea.organizationName());
        String all = entries.toString();
        assertFalse(all.contains("555-01"), all);
        assertFalse(all.contains("@dir.test"), all);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void groupsAndTheOrganizationAreListedOnlyWhenAddressable(TestDatabase.Kind kind) {
        World w = new World(kind);
        long ownGroup = tx(kind, em -> {
            ContactGroup cardiology = new ContactGroup(em.find(Organization.class, w.orgs.get("A").getId()), "Cardiology", NOW);
            cardiology.addMember(em.find(User.class, w.id("a2")));
            cardiology.changeWholeGroupMessaging(true);
            em.persist(cardiology);
            ContactGroup quiet = new ContactGroup(em.find(Organization.class, w.orgs.get("A").getId()), "Quiet", NOW);
            quiet.addMember(em.find(User.class, w.id("a2")));
            em.persist(quiet);
            ContactGroup hidden = new ContactGroup(em.find(Organization.class, w.orgs.get("P").getId()), "Not shared", NOW);
            hidden.addMember(em.find(User.class, w.id("p2")));
            hidden.changeWholeGroupMessaging(true);
            em.persist(hidden);
            em.find(ContactGroup.class, w.pShared.getId()).changeWholeGroupMessaging(true);
            em.find(Organization.class, w.orgs.get("A").getId()).changeMessaging(true, false);
            return cardiology.getId();
        });
        List<DirectoryEntry> entries = firstPage(kind, w, "a1").entries();
        List<String> addressable = entries.stream().filter(e -> !peopleIn(List.of(e)).contains(e.id()))
                .map(e -> e.kind() + ":" + e.id()).toList();
        assertEquals(List.of("organization:" + w.orgs.get("A").getId(), "group:" + ownGroup,
                "group:" + w.pShared.getId()), addressable);
        // B reaches A in full, and P's shared group through hospital A; A's organization is not B's own.
        List<String> ofB = firstPage(kind, w, "b1").entries().stream()
                .filter(e -> e.kind().equals(DirectoryEntry.GROUP) || e.kind().equals(DirectoryEntry.ORGANIZATION))
                .map(e -> e.kind() + ":" + e.id()).toList();
        assertEquals(List.of("group:" + ownGroup, "group:" + w.pShared.getId()), ofB);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void searchMatchesEveryWordInFirstLastOrNickname(TestDatabase.Kind kind) {
        World w = new World(kind);
        tx(kind, em -> {
            em.find(User.class, w.id("b1")).setNickname("Sunny");
            return null;
        });
        User a1 = w.users.get("a1");
        assertEquals(w.ids("d1"), peopleIn(directory(kind, d -> d.page(a1, "DOE", null, null)).entries()));
        assertEquals(w.ids("d1"), peopleIn(directory(kind, d -> d.page(a1, " dana  doe ", null, null)).entries()));
        assertEquals(w.ids("b1"), peopleIn(directory(kind, d -> d.page(a1, "sunn", null, null)).entries()));
        assertEquals(Set.of(), peopleIn(directory(kind, d -> d.page(a1, "Hidden", null, null)).entries()),
                "a practice user outside the shared group is not found by name either");
        assertEquals(Set.of(), peopleIn(directory(kind, d -> d.page(a1, "%", null, null)).entries()));
        assertNull(directory(kind, d -> d.page(a1, "doe", null, null)).syncToken(), "a search is no full directory");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pagesWalkFavoritesFirstThenNamesWithoutGapsOrRepeats(TestDatabase.Kind kind) {
        World w = new World(kind);
        User a1 = w.users.get("a1");
        directory(kind, d -> {
            d.addFavorite(a1, w.id("d1"));
            d.addFavorite(a1, w.id("a2"));
            return null;
        });
        List<Long> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String from = cursor;
            DirectoryPage page = directory(kind, d -> d.page(a1, null, 2, from));
            assertTrue(page.entries().size() <= 2);
            page.entries().forEach(e -> order.add(e.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        // Favorites Doe and Zimmer first (by last name), then Badge, Baker, Clark, Parker.
        assertEquals(List.of(w.id("d1"), w.id("a2"), w.id("ext"), w.id("b1"), w.id("c1"), w.id("p1")), order);
        assertEquals(3, pages);
        DirectoryPage all = firstPage(kind, w, "a1");
        assertTrue(all.entries().get(0).favorite());
        assertFalse(all.entries().get(2).favorite());
        DirectoryRefusedException tooBig = assertThrows(DirectoryRefusedException.class,
                () -> directory(kind, d -> d.page(a1, null, Directory.MAX_PAGE_SIZE + 1, null)));
        assertEquals(DirectoryRefusedException.Reason.BAD_REQUEST, tooBig.reason());
        assertEquals(DirectoryRefusedException.Reason.BAD_REQUEST, assertThrows(DirectoryRefusedException.class,
                () -> directory(kind, d -> d.page(a1, null, null, "not-a-cursor"))).reason());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void favoritesOnlyAmongReachablePeople(TestDatabase.Kind kind) {
        World w = new World(kind);
        User a1 = w.users.get("a1");
        for (String unreachable : List.of("p2", "a1")) {
            DirectoryRefusedException refused = assertThrows(DirectoryRefusedException.class,
                    () -> directory(kind, d -> {
                        d.addFavorite(a1, w.id(unreachable));
                        return null;
                    }));
            assertEquals(DirectoryRefusedException.Reason.UNKNOWN_CONTACT, refused.reason());
        }
        assertEquals(DirectoryRefusedException.Reason.UNKNOWN_CONTACT, assertThrows(DirectoryRefusedException.class,
                () -> directory(kind, d -> {
                    d.addFavorite(a1, 987_654_321L);
                    return null;
                })).reason());
        directory(kind, d -> {
            d.addFavorite(a1, w.id("c1"));
            d.addFavorite(a1, w.id("c1"));
            return null;
        });
        assertEquals(List.of(w.id("c1")), directory(kind, d -> d.page(a1, null, 1, null)).entries().stream()
                .map(DirectoryEntry::id).toList());
        directory(kind, d -> {
            d.removeFavorite(a1, w.id("c1"));
            d.removeFavorite(a1, w.id("c1"));
            return null;
        });
        assertTrue(directory(kind, d -> d.page(a1, null, null, null)).entries().stream()
                .noneMatch(DirectoryEntry::favorite), "no favorites left");
        assertEquals(DirectoryRefusedException.Reason.UNKNOWN_CONTACT, assertThrows(DirectoryRefusedException.class,
                () -> directory(kind, d -> {
                    d.removeFavorite(a1, w.id("p2"));
                    return null;
                })).reason());
    }

    private DirectoryChanges changes(TestDatabase.Kind kind, World w, String who, String token) {
        return directory(kind, d -> d.changes(w.users.get(who), token));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void changesCarryNewRenamedAndStatusChangedPeople(TestDatabase.Kind kind) {
        World w = new World(kind);
        String token = firstPage(kind, w, "a1").syncToken();
        assertNotNull(token);
        DirectoryChanges none = changes(kind, w, "a1", token);
        assertEquals(Set.of(), peopleIn(none.changed()));
        assertEquals(List.of(), none.removedUsers());

        long newcomer = tx(kind, em -> {
            User user = User.nativeUser(em.find(Organization.class, w.orgs.get("B").getId()), "new." + w.run + "@dir.test",
                    "Nina", "New", ZONE, NOW);
            em.persist(user);
            user.assignStaffId();
            User renamed = em.find(User.class, w.id("c1"));
            renamed.rename("Carla", null, "Clark");
            DirectoryClock.over(em).changed(renamed);
            return user.getId();
        });
        tx(kind, em -> {
            Presence presence = new Presence();
            presence.em = em;
            presence.directoryClock = DirectoryClock.over(em);
            presence.changes = new RecordingEvent(fired);
            presence.set(em.find(User.class, w.id("d1")), PresenceStatus.BUSY);
            return null;
        });
        assertTrue(fired.contains(new PresenceChanged(w.id("d1"), "Busy")));
        DirectoryChanges changed = changes(kind, w, "a1", none.syncToken());
        assertEquals(Set.of(newcomer, w.id("c1"), w.id("d1")), peopleIn(changed.changed()));
        Map<Long, DirectoryEntry> byId = changed.changed().stream().collect(Collectors.toMap(DirectoryEntry::id, e -> e,
                (x, y) -> x));
        assertEquals("Carla", byId.get(w.id("c1")).firstName());
        assertEquals("Busy", byId.get(w.id("d1")).status());
        assertEquals(List.of(), changed.removedUsers());
        // The old token still works (several devices of one user each keep their own).
        assertEquals(Set.of(newcomer, w.id("c1"), w.id("d1")), peopleIn(changes(kind, w, "a1", none.syncToken()).changed()));
        assertEquals(Set.of(), peopleIn(changes(kind, w, "a1", changed.syncToken()).changed()));
        // Nobody outside the audience is sent, even when changed: P's hidden user.
        tx(kind, em -> {
            DirectoryClock.over(em).changed(em.find(User.class, w.id("p2")));
            return null;
        });
        assertEquals(Set.of(), peopleIn(changes(kind, w, "a1", changed.syncToken()).changed()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void changesRemoveWhoBecameUnreachableOrWasDeleted(TestDatabase.Kind kind) {
        World w = new World(kind);
        String token = firstPage(kind, w, "a1").syncToken();
        // B sets its permission toward A to None: B's users disappear. D's stay: an indirect pair
        // uses each side's permission toward the bridging hospital B, and A and D still expose theirs.
        tx(kind, em -> {
            Affiliation ab = em.find(Affiliation.class, w.affiliations.get("AB").getId());
            ab.setPermission(em.find(Organization.class, w.orgs.get("B").getId()), AssociationPermission.NONE, List.of());
            return null;
        });
        DirectoryChanges none = changes(kind, w, "a1", token);
        assertEquals(List.of(w.id("b1")), none.removedUsers());
        assertEquals(Set.of(), peopleIn(none.changed()));
        // Back to the whole organization: they are sent again in full.
        tx(kind, em -> {
            Affiliation ab = em.find(Affiliation.class, w.affiliations.get("AB").getId());
            ab.setPermission(em.find(Organization.class, w.orgs.get("B").getId()), AssociationPermission.WHOLE_ORGANIZATION,
                    List.of());
            return null;
        });
        DirectoryChanges back = changes(kind, w, "a1", none.syncToken());
        assertEquals(w.ids("b1"), peopleIn(back.changed()));
        // The affiliation with C is deleted (ended permanently); the practice user leaves the shared group.
        tx(kind, em -> {
            em.find(Affiliation.class, w.affiliations.get("AC").getId()).end(NOW);
            em.find(ContactGroup.class, w.pShared.getId()).removeMember(em.find(User.class, w.id("p1")));
            return null;
        });
        DirectoryChanges ended = changes(kind, w, "a1", back.syncToken());
        assertEquals(List.of(w.id("c1"), w.id("p1")).stream().sorted().toList(), ended.removedUsers());
        // A user is deleted.
        tx(kind, em -> {
            em.remove(em.find(User.class, w.id("ext")));
            return null;
        });
        assertEquals(List.of(w.id("ext")), changes(kind, w, "a1", ended.syncToken()).removedUsers());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBadgeUserLinkedToAProfileIsListedOnceAsThatProfile(TestDatabase.Kind kind) {
        World w = new World(kind);
        DirectoryPage before = firstPage(kind, w, "b1");
        Set<Long> everyone = peopleIn(before.entries());
        assertTrue(everyone.containsAll(w.ids("a2", "ext")), "both the badge and the profile are listed while apart");
        Set<Long> withoutBadge = new HashSet<>(everyone);
        withoutBadge.remove(w.id("ext"));
        String token = before.syncToken();
        // Eve's badge is linked to Aaron Zimmer's profile (the same person): only the profile is listed.
        tx(kind, em -> {
            em.find(User.class, w.id("ext")).linkTo(em.find(User.class, w.id("a2")));
            return null;
        });
        assertEquals(withoutBadge, peopleIn(firstPage(kind, w, "b1").entries()));
        assertEquals(Set.of(), peopleIn(directory(kind, d -> d.page(w.users.get("b1"), "Eve", 50, null)).entries()),
                "a search finds the person by the profile's name only");
        DirectoryChanges linked = changes(kind, w, "b1", token);
        assertEquals(List.of(w.id("ext")), linked.removedUsers());
        // Still reachable: a conversation that already includes the badge user goes on.
        boolean reachable = tx(kind, em -> ReachabilityAccess.over(em).mayReach(em.find(User.class, w.id("b1")),
                em.find(User.class, w.id("ext"))));
        assertTrue(reachable);
        // Unlinked, the two are listed apart again, as the guide explains.
        tx(kind, em -> {
            em.find(User.class, w.id("ext")).unlink();
            return null;
        });
        DirectoryChanges unlinked = changes(kind, w, "b1", linked.syncToken());
        assertEquals(w.ids("ext"), peopleIn(unlinked.changed()));
        assertEquals(everyone, peopleIn(firstPage(kind, w, "b1").entries()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void favoritesChangedOnAnotherDeviceAreResent(TestDatabase.Kind kind) {
        World w = new World(kind);
        User a1 = w.users.get("a1");
        String token = firstPage(kind, w, "a1").syncToken();
        directory(kind, d -> {
            d.addFavorite(a1, w.id("b1"));
            return null;
        });
        DirectoryChanges changes = changes(kind, w, "a1", token);
        assertEquals(Set.of(w.id("b1")), peopleIn(changes.changed()));
        assertTrue(changes.changed().stream().filter(e -> e.id() == w.id("b1")).findFirst().orElseThrow().favorite());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anotherUsersOrAnUnknownTokenMeansReload(TestDatabase.Kind kind) {
        World w = new World(kind);
        String token = firstPage(kind, w, "a1").syncToken();
        assertEquals(DirectoryRefusedException.Reason.STALE_SYNC_TOKEN, assertThrows(DirectoryRefusedException.class,
                () -> changes(kind, w, "b1", token)).reason());
        assertEquals(DirectoryRefusedException.Reason.STALE_SYNC_TOKEN, assertThrows(DirectoryRefusedException.class,
                () -> changes(kind, w, "a1", new SyncToken(999_999_999L, 0).format())).reason());
        assertEquals(DirectoryRefusedException.Reason.BAD_REQUEST, assertThrows(DirectoryRefusedException.class,
                () -> changes(kind, w, "a1", "garbage")).reason());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onlyTheNewestSnapshotsAreKept(TestDatabase.Kind kind) {
        World w = new World(kind);
        String first = firstPage(kind, w, "a1").syncToken();
        assertEquals(first, firstPage(kind, w, "a1").syncToken(), "an unchanged directory reuses its snapshot");
        String token = first;
        for (int i = 0; i < Directory.SNAPSHOTS_KEPT + 1; i++) {
            int n = i;
            tx(kind, em -> {
                User user = User.nativeUser(em.find(Organization.class, w.orgs.get("A").getId()),
                        "more" + n + "." + w.run + "@dir.test", "More", "User " + n, ZONE, NOW);
                em.persist(user);
                user.assignStaffId();
                return null;
            });
            token = changes(kind, w, "a1", token).syncToken();
        }
        assertEquals(DirectoryRefusedException.Reason.STALE_SYNC_TOKEN, assertThrows(DirectoryRefusedException.class,
                () -> changes(kind, w, "a1", first)).reason());
    }

    /** Records fired events, as the container's {@code Event} would deliver them. */
    private record RecordingEvent(List<PresenceChanged> fired) implements Event<PresenceChanged> {
        @Override
        public void fire(PresenceChanged event) {
            fired.add(event);
        }

        @Override
        public <U extends PresenceChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PresenceChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<PresenceChanged> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends PresenceChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PresenceChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
