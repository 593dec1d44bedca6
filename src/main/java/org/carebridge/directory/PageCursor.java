package org.carebridge.directory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.carebridge.reachability.UserFilter;

/**
 * Where the next directory page starts: in the favorites or among everyone else, after the
 * last person listed (keyset paging, so pages neither skip nor repeat people when others are
 * added in between). Opaque to clients.
 */
record PageCursor(boolean favorites, UserFilter.SortKey after) {

    private static final char SEPARATOR = '\u001f';

    static final PageCursor START = new PageCursor(true, null);

    String format() {
        String text = (favorites ? "f" : "n") + SEPARATOR + (after == null ? ""
                : after.lastName() + SEPARATOR + after.firstName() + SEPARATOR + after.id());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<PageCursor> parse(String text) {
        if (text == null || text.length() > 1_000) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8)
                    .split(String.valueOf(SEPARATOR), -1);
            boolean favorites = switch (parts[0]) {
                case "f" -> true;
                case "n" -> false;
                default -> throw new IllegalArgumentException(parts[0]);
            };
            if (parts.length == 2 && parts[1].isEmpty()) {
                return Optional.of(new PageCursor(favorites, null));
            }
            if (parts.length != 4) {
                return Optional.empty();
            }
            return Optional.of(new PageCursor(favorites, new UserFilter.SortKey(parts[1], parts[2], Long.parseLong(parts[3]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
