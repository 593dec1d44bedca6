package org.carebridge.audit;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Audit page's filters as an administrator chooses them: calendar dates (both included) on
 * the administrator's own clock, an action code, two texts, and optionally one user (by id: what
 * they did and what was done to them) and one conversation (by id: its message events). The page
 * and the CSV export read the same criteria (the export from the page's link), so both always
 * show the same events.
 */
public record AuditCriteria(LocalDate from, LocalDate to, String action, String actor, String text, Long user,
        Long conversation) implements Serializable {

    /** Criteria without a user or conversation. */
    public AuditCriteria(LocalDate from, LocalDate to, String action, String actor, String text) {
        this(from, to, action, actor, text, null, null);
    }

    /** The page opens on this many days, today included. */
    public static final int DEFAULT_DAYS = 30;

    /** The last {@value #DEFAULT_DAYS} days up to and including {@code today}, every action. */
    public static AuditCriteria lastDays(LocalDate today) {
        return new AuditCriteria(today.minusDays(DEFAULT_DAYS - 1L), today, null, null, null);
    }

    /** What is wrong with the choice, in words for the page, or {@code null}. */
    public String problem() {
        if (from != null && to != null && from.isAfter(to)) {
            return "The From date is after the To date.";
        }
        if (action != null && !action.isBlank() && AuditAction.ofCode(action) == null) {
            return "Choose an action from the list.";
        }
        if (user != null && user <= 0) {
            return "A user ID is a positive number.";
        }
        if (conversation != null && conversation <= 0) {
            return "A conversation number is a positive number.";
        }
        return null;
    }

    /**
     * The filter for {@code organizationId}: whole days in {@code zone}, from the start of
     * {@code from} to the end of {@code to}; a missing date leaves that side open.
     */
    public AuditFilter toFilter(long organizationId, ZoneId zone) {
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new AuditFilter(organizationId,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                action, actor, text, user, conversation);
    }

    /** The criteria as request parameters ({@code from=2026-11-01&to=...}), empty ones left out. */
    public String queryString() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", from == null ? null : from.toString());
        values.put("to", to == null ? null : to.toString());
        values.put("action", action);
        values.put("actor", actor);
        values.put("text", text);
        values.put("user", user == null ? null : user.toString());
        values.put("conversation", conversation == null ? null : conversation.toString());
        return values.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Reads criteria written by {@link #queryString()}.
     *
     * @throws IllegalArgumentException when a date is not an ISO date or the choice has a {@link #problem()}
     */
    public static AuditCriteria fromParameters(Function<String, String> parameter) {
        AuditCriteria criteria = new AuditCriteria(date(parameter.apply("from")), date(parameter.apply("to")),
                parameter.apply("action"), parameter.apply("actor"), parameter.apply("text"),
                id(parameter.apply("user"), "user"), id(parameter.apply("conversation"), "conversation"));
        String problem = criteria.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return criteria;
    }

    private static Long id(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a " + what + " number: " + text, e);
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a date: " + text, e);
        }
    }
}
