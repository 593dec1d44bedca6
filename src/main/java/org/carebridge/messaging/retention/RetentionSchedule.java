package org.carebridge.messaging.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.carebridge.organization.Organization;
import org.carebridge.organization.RetentionPeriod;

/**
 * When the nightly purge runs and what a run removes. The time is the same for every
 * organization (2:00 AM in New York, following daylight saving time), whatever their own time
 * zone; each organization's retention period is counted in its own time zone, so "1 month"
 * means the same calendar day a month earlier where the organization is.
 */
public final class RetentionSchedule {

    /** The hour of the nightly run, as the {@code @Schedule} on {@link RetentionPurge} needs it. */
    public static final String HOUR = "2";
    public static final String MINUTE = "0";
    public static final String TIME_ZONE = "America/New_York";
    static final ZoneId ZONE = ZoneId.of(TIME_ZONE);
    static final LocalTime AT = LocalTime.of(Integer.parseInt(HOUR), Integer.parseInt(MINUTE));

    private RetentionSchedule() {
    }

    /**
     * The first nightly run after {@code now}. On the night clocks spring forward there is no
     * 2:00 AM in New York; the run then happens at 3:00 AM EDT, the same instant.
     */
    public static Instant nextRun(Instant now) {
        ZonedDateTime local = now.atZone(ZONE);
        ZonedDateTime today = ZonedDateTime.of(local.toLocalDate(), AT, ZONE);
        if (today.toInstant().isAfter(now)) {
            return today.toInstant();
        }
        LocalDate tomorrow = local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(tomorrow, AT, ZONE).toInstant();
    }

    /**
     * Messages of conversations {@code initiator} started, sent before the returned instant, are
     * due for purging at {@code now}; {@code null} when the organization keeps content forever.
     */
    public static Instant cutoff(Organization initiator, Instant now) {
        RetentionPeriod retention = initiator.retention();
        return retention == null ? null : retention.cutoff(now, initiator.timeZone());
    }
}
