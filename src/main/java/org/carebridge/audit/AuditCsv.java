package org.carebridge.audit;

import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.carebridge.platform.csv.CsvExport;

/** The audit trail as a CSV file: its columns, its rows and its file name. */
public final class AuditCsv implements AutoCloseable {

    public static final List<String> HEADER = List.of("Time", "Actor", "Action", "Target type", "Target id", "Details");

    private final CsvExport export;
    private final ZoneId zone;

    private AuditCsv(CsvExport export, ZoneId zone) {
        this.export = export;
        this.zone = zone;
    }

    /** Starts the file; times are written on {@code zone}'s clock with their offset. */
    public static AuditCsv start(Writer out, ZoneId zone) {
        return new AuditCsv(CsvExport.start(out, HEADER), zone);
    }

    public void row(AuditLine line) {
        export.row(List.of(time(line, zone), line.actorLabel(), line.actionLabel(),
                nullToEmpty(line.targetType()), nullToEmpty(line.targetId()), nullToEmpty(line.details())));
    }

    /** ISO 8601 with the offset, to the second: {@code 2026-11-24T07:00:00-05:00}. */
    static String time(AuditLine line, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                line.occurredAt().truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }

    /** {@code audit-riverside-general-hospital-2026-11-24.csv}: the organization and the day, safe in any file system. */
    public static String fileName(String organizationName, LocalDate day) {
        String slug = organizationName == null ? "" : organizationName.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return "audit-" + (slug.isEmpty() ? "organization" : slug) + "-" + day + ".csv";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        export.close();
    }
}
