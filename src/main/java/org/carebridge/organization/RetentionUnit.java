package org.carebridge.organization;

import java.time.Period;

/** Units for an organization's message retention period. */
public enum RetentionUnit {
    DAYS("Days"),
    WEEKS("Weeks"),
    MONTHS("Months"),
    YEARS("Years");

    private final String label;

    RetentionUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    Period times(int amount) {
        return switch (this) {
            case DAYS -> Period.ofDays(amount);
            case WEEKS -> Period.ofWeeks(amount);
            case MONTHS -> Period.ofMonths(amount);
            case YEARS -> Period.ofYears(amount);
        };
    }
}
