package org.carebridge.organization;

import java.util.List;

/** Choices for how long a high-priority message's alert tone plays, in seconds. */
public final class PrioritySoundLength {

    public static final int DEFAULT_SECONDS = 30;
    public static final int MIN_SECONDS = 1;
    public static final int MAX_SECONDS = 120;
    public static final List<Integer> CHOICES = List.of(5, 10, 15, 20, 30, 45, 60, 90, 120);

    private PrioritySoundLength() {
    }

    public static boolean isValid(int seconds) {
        return seconds >= MIN_SECONDS && seconds <= MAX_SECONDS;
    }
}
