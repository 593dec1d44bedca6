package org.carebridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.directory.Directory;
import org.carebridge.directory.DirectoryAccess;
import org.carebridge.directory.DirectoryChanges;
import org.carebridge.directory.DirectoryClock;
import org.carebridge.directory.DirectoryPage;
import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.user.PresenceStatus;
import org.carebridge.user.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The client directory for a user who can reach 10,000 people (the world of
 * {@link ReachabilityBenchmark}), on PostgreSQL: the first page with its sync token, every page,
 * and incremental changes with none and with a few changes. Run with {@code mvn -Pbench test};
 * results go to stdout and target/bench/directory.txt, and are written down in docs/benchmarks.md.
 */
@Tag("benchmark")
class DirectoryBenchmark {

    private static final Instant NOW = Instant.now();

    @Test
    void tenThousandContacts() throws IOException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            long userId = db.transaction(DirectoryBenchmark::world);
            Clock clock = Clock.systemUTC();
            List<String> report = new ArrayList<>();
            String token = db.transaction(em -> DirectoryAccess.over(em, clock)
                    .page(em.find(User.class, userId), null, null, null).syncToken());
            db.run(em -> {
                Directory directory = DirectoryAccess.over(em, clock);
                User user = em.find(User.class, userId);
                report.add(Timing.measure("first page of 100 + sync token", () -> directory.page(user, null, null, null), em));
                report.add(Timing.measure("first page of 500 + sync token",
                        () -> directory.page(user, null, Directory.MAX_PAGE_SIZE, null), em));
                report.add(Timing.measure("all 9,999 in pages of 500", () -> allPages(directory, user), em));
                report.add(Timing.measure("search \"last12\" (first page)", () -> directory.page(user, "last12", null, null), em));
                report.add(Timing.measure("changes, nothing changed", () -> directory.changes(user, token), em));
            });
            db.run(em -> {
                // A few changes: three renames and two status changes among the 10,000.
                DirectoryClock directoryClock = DirectoryClock.over(em);
                List<User> some = em.createQuery("select u from User u where u.email like 'u1%@bench.test'", User.class)
                        .setMaxResults(5).getResultList();
                for (int i = 0; i < some.size(); i++) {
                    User u = some.get(i);
                    if (i < 3) {
                        u.rename("Renamed" + i, null, u.getLastName());
                    } else {
                        u.changeStatus(PresenceStatus.BUSY);
                    }
                    directoryClock.changed(u);
                }
            });
            db.run(em -> {
                Directory directory = DirectoryAccess.over(em, clock);
                User user = em.find(User.class, userId);
                DirectoryChanges changes = directory.changes(user, token);
                assertEquals(5, changes.changed().size(), "the five changed people");
                report.add(Timing.measure("changes, 5 people changed", () -> directory.changes(user, token), em));
            });
            Path out = Path.of("target", "bench", "directory.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
            report.forEach(System.out::println);
        }
    }

    private static int allPages(Directory directory, User user) {
        int count = 0;
        String cursor = null;
        do {
            DirectoryPage page = directory.page(user, null, Directory.MAX_PAGE_SIZE, cursor);
            count += page.entries().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(9_999, count);
        return count;
    }

    /** A hospital of 4,000 users affiliated with a hospital and two practices: 10,000 users in all. */
    static long world(EntityManager em) {
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
