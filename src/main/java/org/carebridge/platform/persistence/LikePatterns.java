package org.carebridge.platform.persistence;

/**
 * LIKE patterns for "contains" searches typed by people. Queries that use them declare
 * {@code escape '\'}, so a typed {@code %} or {@code _} matches itself rather than anything.
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    /**
     * A pattern matching values that contain {@code key} literally. The caller passes the text
     * already normalised the way the searched column is (for example a lower-case name key);
     * {@code null} matches everything.
     */
    public static String containing(String key) {
        String literal = key == null ? "" : key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
