package org.carebridge.organization;

import java.time.Instant;
import java.time.ZoneId;

/**
 * How long message content is kept before the nightly purge removes it. Organizations without
 * one keep content forever (represented by {@code null}, never by a special value).
 */
public record RetentionPeriod(int amount, RetentionUnit unit) {

    public static final int MAX_AMOUNT = 1_000;

    public RetentionPeriod {
        if (unit == null) {
            throw new IllegalArgumentException("Choose a unit for the retention period.");
        }
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("The retention period must be between 1 and " + MAX_AMOUNT + ".");
        }
    }

    /** Content of messages sent before the returned instant is due for purging. */
    public Instant cutoff(Instant now, ZoneId zone) {
        return now.atZone(zone).minus(unit.times(amount)).toInstant();
    }

    public String describe() {
        String label = unit.label();
        return amount + " " + (amount == 1 ? label.substring(0, label.length() - 1) : label);
    }
}
