package org.carebridge.directory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque token a client keeps between directory syncs: which snapshot it was given and the
 * directory clock's value when the directory was read. Neither part is secret; a snapshot only
 * counts for the user it was made for.
 */
record SyncToken(long snapshotId, long clock) {

    private static final String VERSION = "d1";

    String format() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + "." + snapshotId + "." + clock).getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<SyncToken> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 100) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII)
                    .split("\\.");
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                return Optional.empty();
            }
            long snapshot = Long.parseLong(parts[1]);
            long clock = Long.parseLong(parts[2]);
            return snapshot > 0 && clock >= 0 ? Optional.of(new SyncToken(snapshot, clock)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
