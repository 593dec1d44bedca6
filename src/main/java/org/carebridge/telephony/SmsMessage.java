package org.carebridge.telephony;

import java.util.Objects;

import org.carebridge.organization.PhoneNumber;

/**
 * One text to send: to a mobile number (North American or international), at most
 * {@value #TEXT_MAX} characters (two concatenated SMS segments of plain characters). {@code reference} is our own id of what the text is about,
 * for logs. The text may hold a secret link and the number is private, so neither is part of
 * {@link #toString()}.
 */
public record SmsMessage(String reference, MobileNumber to, String text) {

    public static final int TEXT_MAX = 306;

    public SmsMessage {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(to, "to");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A text message needs its text");
        }
        if (text.length() > TEXT_MAX) {
            throw new IllegalArgumentException("A text message can be at most " + TEXT_MAX + " characters, not "
                    + text.length());
        }
    }

    /** A text to a North American number. */
    public SmsMessage(String reference, PhoneNumber to, String text) {
        this(reference, MobileNumber.of(Objects.requireNonNull(to, "to")), text);
    }

    @Override
    public String toString() {
        return "SmsMessage[" + reference + ", " + text.length() + " characters]";
    }
}
