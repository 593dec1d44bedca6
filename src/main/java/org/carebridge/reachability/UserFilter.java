package org.carebridge.reachability;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a caller asks of an audience's users besides "reachable": a name search, a window of
 * ids, users changed after a directory clock value, and the position after which a page starts.
 * Every part is optional; {@link #ALL} asks for nothing more. The filter only ever narrows the
 * audience: who is reachable is decided by {@link Reachability} alone.
 *
 * @param nameWords    lower-case words that must each occur in the first name, last name or nickname
 * @param onlyIds      only these users ({@code null}: no restriction)
 * @param exceptIds    never these users ({@code null}: none excluded)
 * @param changedSince only users whose directory version is greater ({@code null}: any)
 * @param after        only users sorting after this position ({@code null}: from the start)
 * @param asListed     people as a directory lists them: a badge user linked to a Carebridge profile
 *                     is that profile's person and is left out, so the person is listed once (still
 *                     reachable, for conversations that already include the badge user)
 */
public record UserFilter(List<String> nameWords, Set<Long> onlyIds, Set<Long> exceptIds, Long changedSince,
        SortKey after, boolean asListed) {

    /** At most this many search words count; more would only slow the query. */
    public static final int MAX_WORDS = 5;

    public static final UserFilter ALL = new UserFilter(List.of(), null, null, null, null, false);

    /** Everyone a directory lists: {@link #ALL} without badge users linked to a profile. */
    public static final UserFilter LISTED = new UserFilter(List.of(), null, null, null, null, true);

    public UserFilter {
        nameWords = nameWords == null ? List.of() : List.copyOf(nameWords);
        onlyIds = onlyIds == null ? null : Set.copyOf(onlyIds);
        exceptIds = exceptIds == null ? null : Set.copyOf(exceptIds);
    }

    /** Directory order: last name, first name, then id so equal names keep a stable order. */
    public record SortKey(String lastName, String firstName, long id) {
    }

    /** Splits typed text into lower-case search words (blank: none). */
    public static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().toLowerCase(Locale.ROOT).split("\\s+")).distinct().limit(MAX_WORDS).toList();
    }

    public UserFilter named(String text) {
        return new UserFilter(words(text), onlyIds, exceptIds, changedSince, after, asListed);
    }

    public UserFilter only(Set<Long> ids) {
        return new UserFilter(nameWords, ids, exceptIds, changedSince, after, asListed);
    }

    public UserFilter except(Set<Long> ids) {
        return new UserFilter(nameWords, onlyIds, ids, changedSince, after, asListed);
    }

    public UserFilter changedSince(long clockValue) {
        return new UserFilter(nameWords, onlyIds, exceptIds, clockValue, after, asListed);
    }

    public UserFilter after(SortKey key) {
        return new UserFilter(nameWords, onlyIds, exceptIds, changedSince, key, asListed);
    }
}
