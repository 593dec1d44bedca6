package org.carebridge.access;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * THE rule for client PIN attempts, used by every entry point that checks a PIN (login, change
 * PIN). Failures count per account, consecutively. After the {@value #FREE_FAILURES}th
 * consecutive failure every further attempt must come at least {@link #WAIT} after the previous
 * counted one; attempts during the wait are answered "wait" without checking the PIN and are not
 * counted. The {@value #HARD_LIMIT}th consecutive failure locks the account until an
 * administrator unlocks it. A right PIN resets the count.
 *
 * <p>The state lives in the database row ({@link PinAttempts}), so restarts and other nodes see
 * the same waits; callers hold that row under a pessimistic lock from {@link #before} to
 * {@link #failed}/{@link #succeeded}, so concurrent attempts are counted one after another.
 */
@ApplicationScoped
public class LockoutPolicy {

    public static final int FREE_FAILURES = 5;
    public static final int HARD_LIMIT = 10;
    public static final Duration WAIT = Duration.ofMinutes(3);

    /** What to do with an attempt before looking at its PIN. */
    public sealed interface Verdict permits Allowed, Wait, HardLimit {
    }

    /** Check the PIN. */
    public record Allowed() implements Verdict {
    }

    /** Too early: answer "try again later" without checking the PIN or counting the attempt. */
    public record Wait(Duration remaining) implements Verdict {
        /** Whole seconds for a Retry-After header, rounded up and at least 1. */
        public long retryAfterSeconds() {
            long seconds = remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }

    /** Locked: refuse without checking the PIN or counting the attempt. */
    public record HardLimit() implements Verdict {
    }

    public Verdict before(PinAttempts attempts, Instant now) {
        if (attempts.isLocked()) {
            return new HardLimit();
        }
        Instant next = attempts.getNextPinAttemptAt();
        if (next != null && now.isBefore(next)) {
            return new Wait(Duration.between(now, next));
        }
        return new Allowed();
    }

    /**
     * Counts a wrong PIN checked after an {@link Allowed} verdict.
     *
     * @return whether this failure reached the hard limit (the account is now locked)
     */
    public boolean failed(PinAttempts attempts, Instant now) {
        int count = attempts.getFailedPinAttempts() + 1;
        boolean hardLimit = count >= HARD_LIMIT;
        Instant next = !hardLimit && count >= FREE_FAILURES ? now.plus(WAIT) : null;
        attempts.pinFailed(count, now, next, hardLimit);
        return hardLimit;
    }

    public void succeeded(PinAttempts attempts, Instant now) {
        attempts.pinAccepted(now);
    }
}
