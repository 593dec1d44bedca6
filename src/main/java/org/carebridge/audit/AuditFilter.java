package org.carebridge.audit;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carebridge.platform.persistence.LikePatterns;

/**
 * Which events of one organization to list or export: a time window ({@code from} inclusive,
 * {@code to} exclusive, either open), an action code, case-insensitive "contains" texts for the
 * actor and for the target or details, one user (events they did or that concern them) and one
 * conversation (its message events). Blank texts and {@code null} ids filter nothing; whatever
 * they name, only {@code organizationId}'s own trail is read.
 */
public record AuditFilter(long organizationId, Instant from, Instant to, String action, String actorText,
        String text, Long userId, Long conversationId) implements Serializable {

    /** A filter without a user or conversation. */
    public AuditFilter(long organizationId, Instant from, Instant to, String action, String actorText, String text) {
        this(organizationId, from, to, action, actorText, text, null, null);
    }

    private static final Pattern TARGET = Pattern.compile("(\\S+)\\s+(\\S+)");

    public AuditFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("The time window ends before it starts");
        }
        action = blankToNull(action);
        actorText = blankToNull(actorText);
        text = blankToNull(text);
    }

    /** Everything the organization's trail holds. */
    public static AuditFilter all(long organizationId) {
        return new AuditFilter(organizationId, null, null, null, null, null);
    }

    /** The JPQL condition on {@code e} (an AuditEvent) and its parameters, for lists, counts and exports alike. */
    public Condition condition() {
        StringBuilder where = new StringBuilder("e.organization.id = :organizationId");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("organizationId", organizationId);
        if (from != null) {
            where.append(" and e.occurredAt >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.append(" and e.occurredAt < :to");
            parameters.put("to", to);
        }
        if (action != null) {
            where.append(" and e.action = :action");
            parameters.put("action", action);
        }
        if (actorText != null) {
            where.append(" and lower(e.actorLabel) like :actor escape '\\'");
            parameters.put("actor", contains(actorText));
        }
        if (text != null) {
            where.append(" and (lower(e.details) like :text escape '\\' or lower(e.targetType) like :text escape '\\'"
                    + " or lower(e.targetId) like :text escape '\\'");
            parameters.put("text", contains(text));
            Matcher target = TARGET.matcher(text);
            if (target.matches()) {
                // "User 1203", as the page shows a target.
                where.append(" or (lower(e.targetType) = :targetType and e.targetId = :targetId)");
                parameters.put("targetType", target.group(1).toLowerCase(Locale.ROOT));
                parameters.put("targetId", target.group(2));
            }
            where.append(")");
        }
        if (userId != null) {
            // What the user did, or what was done to them (a target shown as "User 1203").
            where.append(" and (e.actor.id = :userId or (e.targetType = 'User' and e.targetId = :userTarget))");
            parameters.put("userId", userId);
            parameters.put("userTarget", String.valueOf(userId));
        }
        if (conversationId != null) {
            where.append(" and e.conversationId = :conversationId");
            parameters.put("conversationId", conversationId);
        }
        return new Condition(where.toString(), parameters);
    }

    /** A JPQL condition and the values of its named parameters. */
    public record Condition(String jpql, Map<String, Object> parameters) {
        public Condition {
            Objects.requireNonNull(jpql, "jpql");
            parameters = Map.copyOf(parameters);
        }
    }

    private static String contains(String typed) {
        return LikePatterns.containing(typed.strip().toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
