package org.carebridge.access;

import java.time.Instant;

/**
 * The stored PIN-attempt state {@link LockoutPolicy} reads and writes: a user's row, or the row
 * kept for an e-mail address nobody has (so both behave the same to a client).
 */
public interface PinAttempts {

    /** Consecutive wrong PINs since the last accepted one. */
    int getFailedPinAttempts();

    /** The earliest time the next attempt is considered, or {@code null} when there is no wait. */
    Instant getNextPinAttemptAt();

    /** Whether the hard limit was reached: attempts are refused until an administrator acts. */
    boolean isLocked();

    /** Stores the outcome of a wrong PIN as the policy decided it. */
    void pinFailed(int consecutiveFailures, Instant at, Instant nextAttemptAt, boolean hardLimitReached);

    /** A right PIN: the count and any wait start afresh. */
    void pinAccepted(Instant at);
}
