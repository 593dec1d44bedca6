package org.carebridge.organization;

import java.util.Set;

/**
 * A North American (NANP) telephone number, entered with or without parentheses, dashes,
 * dots, spaces or a leading 1, kept as its ten digits and shown as {@code (408) 882-5830}.
 */
public record PhoneNumber(String digits) {

    /** Area codes of toll-free numbers: the voice-number provider assigns none for them. */
    private static final Set<String> TOLL_FREE_AREA_CODES =
            Set.of("800", "833", "844", "855", "866", "877", "888");

    public PhoneNumber {
        if (digits == null || !digits.matches("[2-9]\\d{2}[2-9]\\d{6}")) {
            throw new IllegalArgumentException("Not a 10-digit North American number: " + digits);
        }
    }

    /**
     * Parses what a person typed. Returns the number, or throws {@link IllegalArgumentException}
     * with a message fit to show next to the field.
     */
    public static PhoneNumber parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Enter a phone number.");
        }
        String trimmed = text.strip();
        if (!trimmed.matches("[0-9()\\-.+ ]+")) {
            throw new IllegalArgumentException("Use digits, with parentheses, dashes or spaces if you like.");
        }
        String digits = trimmed.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        if (digits.length() != 10) {
            throw new IllegalArgumentException("Enter a 10-digit number with its area code, such as (408) 882-5830.");
        }
        if (digits.charAt(0) < '2' || digits.charAt(3) < '2') {
            throw new IllegalArgumentException("Area codes and exchanges cannot start with 0 or 1.");
        }
        return new PhoneNumber(digits);
    }

    public String areaCode() {
        return digits.substring(0, 3);
    }

    public boolean isTollFree() {
        return TOLL_FREE_AREA_CODES.contains(areaCode());
    }

    /** The form people read: {@code (408) 882-5830}. */
    public String formatted() {
        return "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
