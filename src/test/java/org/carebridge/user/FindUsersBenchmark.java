package org.carebridge.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.carebridge.bench.Timing;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Find Users over an organization of 10,000 users on PostgreSQL: the count and one page of the
 * lazy table, as the console asks for them, for the default list, a sort by type, a last page
 * and partial-name searches. Run with {@code mvn -Pbench test}; results go to stdout and
 * target/bench/find-users.txt, and are written down in docs/benchmarks.md.
 */
@Tag("benchmark")
class FindUsersBenchmark {

    private static final Instant NOW = Instant.now();
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final int USERS = 10_000;

    @Test
    void tenThousandUsers() throws IOException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            long orgId = db.transaction(FindUsersBenchmark::organizationOfTenThousand);
            List<String> report = new ArrayList<>();
            db.run(em -> {
                UserService users = new UserService();
                users.em = em;
                Organization org = em.find(Organization.class, orgId);
                UserSearch all = UserSearch.everyone();
                UserSearch lastName = new UserSearch(null, "son", null, UserType.ALL);
                UserSearch physicians = new UserSearch("an", null, null, UserType.PHYSICIAN);
                assertEquals(USERS, users.count(org, all));
                report.add(Timing.measure("count, everyone", () -> users.count(org, all), em));
                report.add(Timing.measure("first page of 10 by name", () -> users.search(org, all, UserSearch.Order.NAME,
                        true, 0, 10), em));
                report.add(Timing.measure("last page of 10 by name", () -> users.search(org, all, UserSearch.Order.NAME,
                        true, USERS - 10, 10), em));
                report.add(Timing.measure("first page of 10 by type, desc", () -> users.search(org, all,
                        UserSearch.Order.TYPE, false, 0, 10), em));
                report.add(Timing.measure("last name contains, count", () -> users.count(org, lastName), em));
                report.add(Timing.measure("last name contains, page of 50", () -> users.search(org, lastName,
                        UserSearch.Order.NAME, true, 0, 50), em));
                report.add(Timing.measure("physicians, first name contains", () -> users.search(org, physicians,
                        UserSearch.Order.NAME, true, 0, 10), em));
            });
            Path out = Path.of("target", "bench", "find-users.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
            report.forEach(System.out::println);
        }
    }

    private static long organizationOfTenThousand(EntityManager em) {
        Organization org = new Organization(OrganizationKind.HOSPITAL, "Bench Find Users " + NOW.toEpochMilli(),
                PhoneNumber.parse("(408) 882-5830"), ZONE, NOW);
        em.persist(org);
        String[] firsts = {"Ann", "Ben", "Carla", "Dan", "Eve", "Frank", "Grace", "Hank", "Ivan", "Jana"};
        String[] lasts = {"Anderson", "Brown", "Clark", "Davis", "Evans", "Fisher", "Garcia", "Harris", "Jackson"};
        for (int i = 0; i < USERS; i++) {
            User user = User.nativeUser(org, "user" + i + "." + NOW.toEpochMilli() + "@bench.test",
                    firsts[i % firsts.length], lasts[i % lasts.length] + i, ZONE, NOW);
            if (i % 3 == 0) {
                user.convertTo(StaffType.PHYSICIAN);
            }
            em.persist(user);
            user.assignStaffId();
            if (i % 500 == 499) {
                em.flush();
                em.clear();
                org = em.find(Organization.class, org.getId());
            }
        }
        return org.getId();
    }

}
