package org.carebridge.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The pure rules behind the Audit page: date ranges, the query they become, the CSV's shape. */
class AuditCriteriaTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void thePageOpensOnTheLastThirtyDaysTodayIncluded() {
        AuditCriteria criteria = AuditCriteria.lastDays(LocalDate.of(2026, 11, 24));
        assertEquals(LocalDate.of(2026, 10, 26), criteria.from());
        assertEquals(LocalDate.of(2026, 11, 24), criteria.to());
        assertNull(criteria.problem());
    }

    @Test
    void datesAreWholeDaysOnTheAdministratorsClockAcrossAClockChange() {
        // 1 November 2026: New York goes from UTC-4 to UTC-5.
        AuditFilter filter = new AuditCriteria(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1), null, null, null)
                .toFilter(7, NEW_YORK);
        assertEquals(Instant.parse("2026-10-31T04:00:00Z"), filter.from());
        assertEquals(Instant.parse("2026-11-02T05:00:00Z"), filter.to(), "the end of the To day, exclusive");
        AuditFilter open = new AuditCriteria(null, null, "", "  ", null).toFilter(7, NEW_YORK);
        assertNull(open.from());
        assertNull(open.to());
        assertNull(open.action());
        assertNull(open.actorText());
    }

    @Test
    void aRangeThatEndsBeforeItStartsOrAnUnknownActionIsRefused() {
        AuditCriteria backwards = new AuditCriteria(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1), null, null,
                null);
        assertEquals("The From date is after the To date.", backwards.problem());
        assertThrows(IllegalArgumentException.class, () -> backwards.toFilter(7, NEW_YORK));
        assertEquals("Choose an action from the list.",
                new AuditCriteria(null, null, "no.such", null, null).problem());
        assertNull(new AuditCriteria(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), "group.created", null, null)
                .problem(), "one day is a range");
    }

    @Test
    void theExportLinkCarriesTheSameCriteria() {
        AuditCriteria criteria = new AuditCriteria(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 24),
                "group.updated", "Hopper, Grace", "50% & more");
        String query = criteria.queryString();
        assertEquals("from=2026-11-01&to=2026-11-24&action=group.updated&actor=Hopper%2C+Grace&text=50%25+%26+more",
                query);
        Map<String, String> decoded = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            decoded.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(criteria, AuditCriteria.fromParameters(decoded::get));
        assertEquals("", new AuditCriteria(null, null, null, " ", null).queryString());
        assertThrows(IllegalArgumentException.class, () -> AuditCriteria.fromParameters(Map.of("from", "24/11/2026")::get));
        assertThrows(IllegalArgumentException.class,
                () -> AuditCriteria.fromParameters(Map.of("from", "2026-11-02", "to", "2026-11-01")::get));
    }

    @Test
    void theConditionHasOnlyTheFiltersInUseAndEscapesTypedWildcards() {
        AuditFilter.Condition none = AuditFilter.all(7).condition();
        assertEquals("e.organization.id = :organizationId", none.jpql());
        assertEquals(Map.of("organizationId", 7L), none.parameters());

        AuditFilter.Condition all = new AuditFilter(7, Instant.EPOCH, Instant.EPOCH.plusSeconds(1), "group.created",
                " Hopper ", "100%_").condition();
        assertTrue(all.jpql().contains("e.occurredAt >= :from and e.occurredAt < :to and e.action = :action"),
                all.jpql());
        assertEquals("%hopper%", all.parameters().get("actor"));
        assertEquals("%100\\%\\_%", all.parameters().get("text"));
        assertThrows(IllegalArgumentException.class,
                () -> new AuditFilter(7, Instant.EPOCH.plusSeconds(1), Instant.EPOCH, null, null, null));
    }

    @Test
    void aUserAndAConversationTravelWithTheExportLinkAndNarrowTheCondition() {
        AuditCriteria criteria = new AuditCriteria(null, null, null, null, null, 1203L, 55L);
        assertEquals("user=1203&conversation=55", criteria.queryString());
        assertEquals(criteria, AuditCriteria.fromParameters(Map.of("user", "1203", "conversation", " 55 ")::get));
        assertThrows(IllegalArgumentException.class, () -> AuditCriteria.fromParameters(Map.of("user", "Hopper")::get));
        assertEquals("A user ID is a positive number.",
                new AuditCriteria(null, null, null, null, null, 0L, null).problem());
        assertEquals("A conversation number is a positive number.",
                new AuditCriteria(null, null, null, null, null, null, -4L).problem());

        AuditFilter filter = criteria.toFilter(7, NEW_YORK);
        assertEquals(1203L, filter.userId());
        assertEquals(55L, filter.conversationId());
        AuditFilter.Condition condition = filter.condition();
        assertTrue(condition.jpql().startsWith("e.organization.id = :organizationId and "), condition.jpql());
        assertTrue(condition.jpql().contains("(e.actor.id = :userId or (e.targetType = 'User' and e.targetId = :userTarget))"),
                condition.jpql());
        assertTrue(condition.jpql().endsWith("and e.conversationId = :conversationId"), condition.jpql());
        assertEquals(Map.of("organizationId", 7L, "userId", 1203L, "userTarget", "1203", "conversationId", 55L),
                condition.parameters());
    }

    @Test
    void csvRowsHaveIsoTimesWithTheOffsetAndEscapeFormulaCells() {
        StringWriter out = new StringWriter();
        try (AuditCsv csv = AuditCsv.start(out, NEW_YORK)) {
            csv.row(new AuditLine(1L, Instant.parse("2026-11-24T12:00:00.123Z"), "=Doe, Jane (100010)",
                    "group.created", "Group", "15", "=HYPERLINK(\"http://x\")"));
            csv.row(new AuditLine(2L, Instant.parse("2026-07-01T12:00:00Z"), "System", "old.code", null, null, null));
        }
        assertEquals("\uFEFFTime,Actor,Action,Target type,Target id,Details\r\n"
                + "2026-11-24T07:00:00-05:00,\"'=Doe, Jane (100010)\",Group created,Group,15,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
                + "2026-07-01T08:00:00-04:00,System,old.code,,,\r\n", out.toString());
    }

    @Test
    void theFileNameSaysWhoseTrailAndWhichDay() {
        assertEquals("audit-riverside-general-hospital-2026-11-24.csv",
                AuditCsv.fileName("Riverside General Hospital", LocalDate.of(2026, 11, 24)));
        assertEquals("audit-st-nicholas-pediatrics-2026-11-24.csv",
                AuditCsv.fileName("  St. Nicholas Pediatrics!", LocalDate.of(2026, 11, 24)));
        assertEquals("audit-organization-2026-11-24.csv", AuditCsv.fileName("\u00c4\u00d6\u00dc", LocalDate.of(2026, 11, 24)),
                "a name with no plain letters still gives a usable name");
    }
}
