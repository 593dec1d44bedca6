package org.carebridge.platform.csv;

/**
 * The one rule for spreadsheet formula cells. A cell starting with {@code = + - @} (or a tab or
 * carriage return, which some spreadsheets skip before looking) would be run as a formula if a
 * spreadsheet opened it. Uploaded values are always kept as plain text; on export such values
 * get a leading apostrophe, which spreadsheets read as "this is text" and do not display.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static boolean looksLikeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** The value as it may be written to a CSV file that people open in a spreadsheet. */
    public static String escapeForExport(String value) {
        if (value == null) {
            return "";
        }
        return looksLikeFormula(value) ? "'" + value : value;
    }
}
