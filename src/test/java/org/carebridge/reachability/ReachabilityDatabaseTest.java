package org.carebridge.reachability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.carebridge.affiliation.Affiliation;
import org.carebridge.group.ContactGroup;
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
 * {@link Reachability} with its real queries on H2 and PostgreSQL, against the naive model:
 * the guide's worked examples and random worlds, for single pairs and for the set of users
 * a directory would list (hidden users really absent).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReachabilityDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final Map<TestDatabase.Kind, TestDatabase> databases = new java.util.EnumMap<>(TestDatabase.Kind.class);

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

    /** Writes a model world to the database; returns model person id → user id. */
    private static Map<Long, Long> store(EntityManager em, CommunityModel model) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<Long, Organization> orgs = new HashMap<>();
        for (CommunityModel.Org o : model.orgs.values()) {
            Organization org = new Organization(o.hospital() ? OrganizationKind.HOSPITAL : OrganizationKind.PRACTICE,
                    "Org " + o.id() + " " + run, PhoneNumber.parse("(800) 555-0100"), ZoneId.of("UTC"), NOW);
            em.persist(org);
            orgs.put(o.id(), org);
        }
        Map<Long, ContactGroup> groups = new HashMap<>();
        Set<Long> groupIds = new HashSet<>(model.groupOwners.keySet());
        model.people.values().forEach(p -> groupIds.addAll(p.groups()));
        model.affiliations.forEach(a -> {
            groupIds.addAll(a.aGroups());
            groupIds.addAll(a.bGroups());
        });
        for (Long g : groupIds) {
            long owner = model.groupOwners.getOrDefault(g, g / 100);
            ContactGroup group = new ContactGroup(orgs.get(owner), "Group " + g, NOW);
            em.persist(group);
            groups.put(g, group);
        }
        Map<Long, Long> users = new HashMap<>();
        for (CommunityModel.Person p : model.people.values()) {
            User user = User.nativeUser(orgs.get(p.org()), "p" + p.id() + "." + run + "@model.test", "P", "Person " + p.id(),
                    ZoneId.of("UTC"), NOW);
            em.persist(user);
            user.assignStaffId();
            p.groups().forEach(g -> groups.get(g).addMember(user));
            users.put(p.id(), user.getId());
        }
        for (CommunityModel.Aff a : model.affiliations) {
            Affiliation affiliation = new Affiliation(orgs.get(a.a()), orgs.get(a.b()), NOW);
            affiliation.setPermission(orgs.get(a.a()), a.aPermission(), a.aGroups().stream().map(groups::get).toList());
            affiliation.setPermission(orgs.get(a.b()), a.bPermission(), a.bGroups().stream().map(groups::get).toList());
            if (!a.active()) {
                affiliation.end(NOW);
            }
            em.persist(affiliation);
        }
        return users;
    }

    private void assertAgrees(TestDatabase db, CommunityModel model) {
        Map<Long, Long> users = db.transaction(em -> store(em, model));
        db.run(em -> {
            Reachability reachability = new Reachability();
            reachability.em = em;
            for (long from : model.people.keySet()) {
                User u = em.find(User.class, users.get(from));
                Audience audience = reachability.audienceOf(u);
                Set<Long> expected = new HashSet<>();
                for (long to : model.people.keySet()) {
                    boolean reachable = model.mayReach(from, to);
                    assertEquals(reachable, reachability.mayReach(u, em.find(User.class, users.get(to))),
                            from + " → " + to);
                    if (reachable && to != from) {
                        expected.add(users.get(to));
                    }
                }
                List<User> listed = reachability.users(audience, u.getId(), 0, 10_000);
                Set<Long> listedIds = new HashSet<>();
                listed.forEach(v -> listedIds.add(v.getId()));
                // Other tests' worlds share the database; only this world's users count.
                listedIds.retainAll(users.values());
                assertEquals(expected, listedIds, "directory of " + from);
                assertEquals(listed.size(), reachability.countUsers(audience, u.getId()), "count of " + from);
                // The same set through the directory's filtered query and the fan-out's "who may reach u".
                Set<Long> filtered = new HashSet<>(reachability.userIds(audience, u.getId(), UserFilter.ALL));
                filtered.retainAll(users.values());
                assertEquals(expected, filtered, "filtered ids of " + from);
                Set<Long> mayReachMe = new HashSet<>(expected);
                mayReachMe.add(u.getId());
                assertEquals(mayReachMe, reachability.whoMayReach(u, users.values()), "who may reach " + from);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theGuidesWorkedExamples(TestDatabase.Kind kind) {
        assertAgrees(databases.get(kind), AudienceRuleTest.hospitals());
        assertAgrees(databases.get(kind), AudienceRuleTest.practices());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void randomWorlds(TestDatabase.Kind kind) {
        Random random = new Random(kind.ordinal() + 42L);
        for (int world = 0; world < 5; world++) {
            assertAgrees(databases.get(kind), CommunityModel.random(random, 3 + random.nextInt(5), 10));
        }
    }
}
