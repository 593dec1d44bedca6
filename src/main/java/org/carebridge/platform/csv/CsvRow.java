package org.carebridge.platform.csv;

import java.util.Locale;
import java.util.Map;

/**
 * One data line of an uploaded file: its line number in the file (for messages) and its
 * values by column, keyed by the header's column name in lower case. Values are stripped
 * text, never interpreted: a cell such as {@code =SUM(A1)} is just those characters.
 */
public record CsvRow(int line, Map<String, String> values) {

    public CsvRow {
        values = Map.copyOf(values);
    }

    /** The stripped value of {@code column} (any letter case), or "" when the line has none. */
    public String get(String column) {
        return values.getOrDefault(column.toLowerCase(Locale.ROOT), "");
    }

    public boolean has(String column) {
        return !get(column).isEmpty();
    }
}
