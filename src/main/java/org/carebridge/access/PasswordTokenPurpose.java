package org.carebridge.access;

import java.time.Duration;

/** Why a console password link was mailed, and how long it stays valid. */
public enum PasswordTokenPurpose {
    /** "Forgot password?" on the sign-in page. */
    RESET(Duration.ofHours(1)),
    /** A newly appointed administrator choosing a first password. */
    FIRST_PASSWORD(Duration.ofDays(7));

    private final Duration lifetime;

    PasswordTokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }
}
