package org.carebridge.organization;

import java.time.ZoneId;
import java.util.List;

/** The IANA time zones offered in the console, sorted, without the legacy and Etc/ aliases. */
public final class TimeZones {

    private static final List<String> CHOICES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/"))
            .filter(id -> !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted()
            .toList();

    private TimeZones() {
    }

    public static List<String> choices() {
        return CHOICES;
    }

    /** Parses a zone id, with a message fit for the page when it is not one. */
    public static ZoneId parse(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Choose a time zone.");
        }
        try {
            return ZoneId.of(id.strip());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("\"" + id + "\" is not a known time zone.");
        }
    }
}
