package org.carebridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;

import org.carebridge.audit.AuditCriteria;
import org.carebridge.audit.AuditFilter;
import org.carebridge.audit.AuditQueries;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Audit page over an organization with 100,000 audit events (and a neighbour with as many),
 * on PostgreSQL: count and first page for the default 30 days and with each filter, a deep
 * page, and the whole export. Run with {@code mvn -Pbench test}; results go to stdout and
 * target/bench/audit.txt, and are written down in docs/benchmarks.md.
 */
@Tag("benchmark")
class AuditQueryBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-24T17:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final int EVENTS = 100_000;
    private static final String[] ACTIONS = {"organization.updated", "group.updated", "group.members-added",
            "group.members-removed", "affiliation.permissions", "user.updated"};

    @Test
    void oneHundredThousandEvents() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            long hospital = db.transaction(em -> org(em, "Bench Audit Hospital"));
            long neighbour = db.transaction(em -> org(em, "Bench Audit Neighbour"));
            insertEvents(db, hospital, 1);
            insertEvents(db, neighbour, EVENTS + 1);
            db.execute("analyze audit_event");

            List<String> report = new ArrayList<>();
            db.run(em -> {
                AuditQueries queries = queriesOn(em);
                AuditCriteria last30 = AuditCriteria.lastDays(LocalDate.ofInstant(NOW, ZONE));
                AuditFilter defaults = last30.toFilter(hospital, ZONE);
                AuditFilter action = new AuditCriteria(last30.from(), last30.to(), "group.updated", null, null)
                        .toFilter(hospital, ZONE);
                AuditFilter text = new AuditCriteria(null, null, null, null, "cardiology 7").toFilter(hospital, ZONE);
                AuditFilter actor = new AuditCriteria(null, null, null, "hopper", null).toFilter(hospital, ZONE);
                AuditFilter all = AuditFilter.all(hospital);
                assertEquals(EVENTS, queries.count(all));

                report.add(Timing.measure("count, last 30 days", () -> queries.count(defaults), em));
                report.add(Timing.measure("page 1 (25), last 30 days", () -> queries.page(defaults, 0, 25), em));
                report.add(Timing.measure("count, last 30 days + action", () -> queries.count(action), em));
                report.add(Timing.measure("page 1, last 30 days + action", () -> queries.page(action, 0, 25), em));
                report.add(Timing.measure("count, all time + details text", () -> queries.count(text), em));
                report.add(Timing.measure("page 1, all time + details text", () -> queries.page(text, 0, 25), em));
                report.add(Timing.measure("count, all time + actor text", () -> queries.count(actor), em));
                report.add(Timing.measure("page 1, all time, no filter", () -> queries.page(all, 0, 25), em));
                report.add(Timing.measure("page 2,000 (offset 49,975), all time", () -> queries.page(all, 49_975, 25), em));
                report.add(measureExport(queries, all, em));
            });
            Path out = Path.of("target", "bench", "audit.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
            report.forEach(System.out::println);
        }
    }

    private static long org(EntityManager em, String name) {
        Organization org = new Organization(OrganizationKind.HOSPITAL, name, PhoneNumber.parse("(408) 882-5830"),
                ZONE, NOW);
        em.persist(org);
        return org.getId();
    }

    /** 100,000 events over the last 365 days, a few actors and actions, group names in the details. */
    private static void insertEvents(TestDatabase db, long organizationId, long firstId) throws SQLException {
        String sql = "insert into audit_event (id, occurred_at, organization_id, actor_label, action, target_type,"
                + " target_id, details) values (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            for (int i = 0; i < EVENTS; i++) {
                insert.setLong(1, firstId + i);
                insert.setObject(2, OffsetDateTime.ofInstant(NOW.minus(i * 315L, ChronoUnit.SECONDS), ZoneOffset.UTC));
                insert.setLong(3, organizationId);
                insert.setString(4, i % 10 == 0 ? "System" : (i % 3 == 0 ? "Hopper, Grace (100" : "Lovelace, Ada (100")
                        + (i % 97) + ")");
                insert.setString(5, ACTIONS[i % ACTIONS.length]);
                insert.setString(6, "Group");
                insert.setString(7, String.valueOf(i % 500));
                insert.setString(8, "Group name: \"Cardiology " + (i % 500) + "\" \u2192 \"Cardiology " + (i % 500)
                        + " West\"");
                insert.addBatch();
                if (i % 1_000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
        }
    }

    private static AuditQueries queriesOn(EntityManager em) {
        try {
            AuditQueries queries = new AuditQueries();
            Field field = AuditQueries.class.getDeclaredField("em");
            field.setAccessible(true);
            field.set(queries, em);
            return queries;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String measureExport(AuditQueries queries, AuditFilter all, EntityManager em) {
        int rounds = 3;
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            int[] seen = {0};
            int count = queries.forEach(all, AuditQueries.EXPORT_MAX, line -> seen[0]++);
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertEquals(EVENTS, count);
            em.clear();
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "%-38s median %8.2f ms   (%d rounds)", "export: all 100,000 lines read",
                millis[rounds / 2], rounds);
    }

}
