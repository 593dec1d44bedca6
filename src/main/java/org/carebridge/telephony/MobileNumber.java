package org.carebridge.telephony;

import java.util.Objects;

import org.carebridge.organization.PhoneNumber;

/**
 * A mobile number a text message can go to, in E.164 form ({@code +14085550100}): a North
 * American number (entered as people write them, see {@link PhoneNumber}) or any international
 * number written with its {@code +} and country code. Private: {@link #toString()} shows no digits.
 */
public record MobileNumber(String e164) {

    private static final String SHAPE = "\\+[1-9]\\d{7,14}";

    public MobileNumber {
        Objects.requireNonNull(e164, "e164");
        if (!e164.matches(SHAPE)) {
            throw new IllegalArgumentException("Not an E.164 number");
        }
        if (e164.startsWith("+1")) {
            // Country code 1 is the North American plan: the same rules as every other number we keep.
            new PhoneNumber(e164.substring(2));
        }
    }

    public static MobileNumber of(PhoneNumber number) {
        return new MobileNumber("+1" + number.digits());
    }

    /**
     * Parses what a person typed: {@code (408) 555-0100}, {@code 1-408-555-0100},
     * {@code +1 408 555 0100} or {@code +44 7700 900123}. Throws {@link IllegalArgumentException}
     * with a message fit to show to them.
     */
    public static MobileNumber parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Enter a mobile number.");
        }
        String trimmed = text.strip();
        if (!trimmed.matches("\\+?[0-9()\\-. ]+")) {
            throw new IllegalArgumentException("Use digits, with a leading + for an international number.");
        }
        String digits = trimmed.replaceAll("\\D", "");
        if (!trimmed.startsWith("+") || digits.startsWith("1")) {
            return of(PhoneNumber.parse(digits));
        }
        if (!("+" + digits).matches(SHAPE)) {
            throw new IllegalArgumentException("An international number has a country code and 8 to 15 digits"
                    + " in all, such as +44 7700 900123.");
        }
        return new MobileNumber("+" + digits);
    }

    /** The last four digits behind dots, for people who may not see the whole number. */
    public String masked() {
        return "\u2022\u2022\u2022" + e164.substring(e164.length() - 4);
    }

    @Override
    public String toString() {
        return "MobileNumber[" + e164.length() + " characters]";
    }
}
