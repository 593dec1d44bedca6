package org.carebridge.organization;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How long messages sent by an organization's members stay visible on clients. Any whole
 * number of minutes from 30 minutes to 30 days is valid; the console offers these steps.
 */
public enum MessageExpiration {
    MINUTES_30(30, "30 Minutes"),
    HOUR_1(60, "1 Hour"),
    HOURS_2(120, "2 Hours"),
    HOURS_4(240, "4 Hours"),
    HOURS_8(480, "8 Hours"),
    HOURS_12(720, "12 Hours"),
    DAY_1(1_440, "1 Day"),
    DAYS_2(2_880, "2 Days"),
    DAYS_3(4_320, "3 Days"),
    DAYS_7(10_080, "7 Days"),
    WEEKS_2(20_160, "2 Weeks"),
    DAYS_30(43_200, "30 Days");

    public static final int MIN_MINUTES = 30;
    public static final int MAX_MINUTES = 43_200;
    public static final int DEFAULT_MINUTES = DAYS_7.minutes;

    private final int minutes;
    private final String label;

    MessageExpiration(int minutes, String label) {
        this.minutes = minutes;
        this.label = label;
    }

    public int minutes() {
        return minutes;
    }

    public String label() {
        return label;
    }

    public static boolean isValid(int minutes) {
        return minutes >= MIN_MINUTES && minutes <= MAX_MINUTES;
    }

    public static Duration duration(int minutes) {
        if (!isValid(minutes)) {
            throw new IllegalArgumentException("Message expiration must be between 30 minutes and 30 days");
        }
        return Duration.ofMinutes(minutes);
    }

    public static List<MessageExpiration> choices() {
        return Arrays.asList(values());
    }

    /** A readable label for any valid number of minutes, including ones set outside the console. */
    public static String describe(int minutes) {
        return Arrays.stream(values()).filter(e -> e.minutes == minutes).map(e -> e.label).findFirst()
                .orElseGet(() -> minutes % 1_440 == 0 ? minutes / 1_440 + " Days"
                        : minutes % 60 == 0 ? minutes / 60 + " Hours" : minutes + " Minutes");
    }
}
