package org.carebridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.reachability.Audience;
import org.carebridge.reachability.Reachability;
import org.carebridge.reachability.ReachabilityAccess;
import org.carebridge.user.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * "Which users may u reach?" for a user whose organization and affiliates hold 10,000 users,
 * on PostgreSQL. Run with {@code mvn -Pbench verify}; results go to stdout and
 * target/bench/reachability.txt, and are written down in docs/benchmarks.md.
 */
@Tag("benchmark")
class ReachabilityBenchmark {

    private static final Instant NOW = Instant.now();

    @Test
    void tenThousandReachableUsers() throws IOException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            long userId = db.transaction(ReachabilityBenchmark::world);
            List<String> report = new ArrayList<>();
            db.run(em -> {
                Reachability reachability = ReachabilityAccess.over(em);
                User user = em.find(User.class, userId);
                Audience audience = reachability.audienceOf(user);
                assertEquals(9_999, reachability.countUsers(audience, userId), "reachable users besides the asker");
                report.add(Timing.measure("audience (affiliations, groups)", () -> reachability.audienceOf(user), em));
                report.add(Timing.measure("count of reachable users", () -> reachability.countUsers(audience, userId), em));
                report.add(Timing.measure("first page of 50 users", () -> reachability.users(audience, userId, 0, 50), em));
                report.add(Timing.measure("all 9,999 users", () -> reachability.users(audience, userId, 0, 10_000), em));
                report.add(Timing.measure("all 9,999 user ids", () -> reachability.userIds(audience), em));
            });
            Path out = Path.of("target", "bench", "reachability.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
            report.forEach(System.out::println);
        }
    }

    /** A hospital of 4,000 users affiliated with a hospital and two practices: 10,000 users in all. */
    private static long world(EntityManager em) {
        Organization home = org(em, OrganizationKind.HOSPITAL, "Bench Home Hospital");
        Organization partner = org(em, OrganizationKind.HOSPITAL, "Bench Partner Hospital");
        Organization practiceA = org(em, OrganizationKind.PRACTICE, "Bench Practice A");
        Organization practiceB = org(em, OrganizationKind.PRACTICE, "Bench Practice B");
        User asker = users(em, home, 4_000, null).get(0);
        users(em, partner, 3_000, null);
        ContactGroup shared = new ContactGroup(practiceA, "Shared", NOW);
        em.persist(shared);
        users(em, practiceA, 2_000, shared);
        users(em, practiceB, 1_000, null);
        affiliate(em, home, partner, null, null);
        affiliate(em, home, practiceA, practiceA, shared);
        // Practice B reaches the home hospital only through the partner hospital's community.
        affiliate(em, partner, practiceB, null, null);
        return asker.getId();
    }

    private static Organization org(EntityManager em, OrganizationKind kind, String name) {
        Organization org = new Organization(kind, name, PhoneNumber.parse("(888) 555-0100"), ZoneId.of("UTC"), NOW);
        em.persist(org);
        return org;
    }

    private static List<User> users(EntityManager em, Organization org, int count, ContactGroup group) {
        List<User> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            User u = User.nativeUser(org, "u" + i + "." + org.getId() + "@bench.test", "First" + i, "Last" + (i % 997),
                    ZoneId.of("UTC"), NOW);
            em.persist(u);
            u.assignStaffId();
            if (group != null) {
                group.addMember(u);
            }
            users.add(u);
            if (i % 500 == 499) {
                em.flush();
            }
        }
        return users;
    }

    private static void affiliate(EntityManager em, Organization a, Organization b, Organization restrictedSide,
            ContactGroup group) {
        Affiliation affiliation = new Affiliation(a, b, NOW);
        if (restrictedSide != null) {
            affiliation.setPermission(restrictedSide, AssociationPermission.GROUPS, List.of(group));
        }
        em.persist(affiliation);
    }

}
