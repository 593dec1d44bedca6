package org.carebridge.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import org.carebridge.messaging.MessagingRefusedException.Reason;

/** An opaque paging position: a time and an id to break ties, as base64url text. */
record TimeCursor(Instant at, long id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code null} for no cursor; refuses text this server did not give. */
    static TimeCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            return new TimeCursor(Instant.parse(plain.substring(0, bar)), Long.parseLong(plain.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw new MessagingRefusedException(Reason.INVALID, "The cursor is not one this server gave.");
        }
    }
}
