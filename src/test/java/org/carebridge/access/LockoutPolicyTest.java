package org.carebridge.access;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.carebridge.user.LoginState;
import org.carebridge.user.User;
import org.junit.jupiter.api.Test;

/** The lockout rule on a clock the test moves: waits after 5, lock at 10, reset on success, admin unlock. */
class LockoutPolicyTest {

    private final LockoutPolicy policy = new LockoutPolicy();
    private final User user = user(hospital(1), 10, "jane@hospital.example");
    private Instant now = NOW;

    /** One attempt with a wrong PIN, as the login makes it: the verdict first, the PIN only when allowed. */
    private LockoutPolicy.Verdict wrongPin() {
        LockoutPolicy.Verdict verdict = policy.before(user, now);
        if (verdict instanceof LockoutPolicy.Allowed) {
            policy.failed(user, now);
        }
        return verdict;
    }

    @Test
    void fourFailuresLeaveNoWait() {
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(LockoutPolicy.Allowed.class, wrongPin());
            now = now.plusSeconds(1);
        }
        assertEquals(4, user.getFailedPinAttempts());
        assertNull(user.getNextPinAttemptAt());
        assertInstanceOf(LockoutPolicy.Allowed.class, policy.before(user, now));
    }

    @Test
    void afterTheFifthFailureEachAttemptWaitsThreeMinutesAndWaitingAttemptsAreNotCounted() {
        for (int i = 0; i < 5; i++) {
            wrongPin();
        }
        assertEquals(5, user.getFailedPinAttempts());
        Instant fifth = now;

        now = fifth.plusSeconds(1);
        LockoutPolicy.Wait wait = assertInstanceOf(LockoutPolicy.Wait.class, wrongPin());
        assertEquals(179, wait.retryAfterSeconds());
        now = fifth.plus(Duration.ofMinutes(3)).minusMillis(1);
        assertEquals(1, assertInstanceOf(LockoutPolicy.Wait.class, wrongPin()).retryAfterSeconds(),
                "a part of a second left is answered as one second");
        assertEquals(5, user.getFailedPinAttempts(), "attempts during the wait are not counted");

        now = fifth.plus(Duration.ofMinutes(3));
        assertInstanceOf(LockoutPolicy.Allowed.class, wrongPin());
        assertEquals(6, user.getFailedPinAttempts());
        assertEquals(now.plus(Duration.ofMinutes(3)), user.getNextPinAttemptAt(), "the wait runs from the previous attempt");
    }

    @Test
    void theTenthConsecutiveFailureLocksUntilAnAdministratorUnlocks() {
        for (int i = 1; i <= 10; i++) {
            assertInstanceOf(LockoutPolicy.Allowed.class, wrongPin(), "attempt " + i);
            assertEquals(i == 10, user.isLocked());
            now = now.plus(Duration.ofMinutes(3));
        }
        assertEquals(LoginState.LOCKED, user.getLoginState());
        assertEquals("Invalid login hard limit reached", user.getLoginState().label());

        now = now.plus(Duration.ofDays(30));
        assertInstanceOf(LockoutPolicy.HardLimit.class, wrongPin(), "no amount of waiting lifts a lock");
        assertEquals(10, user.getFailedPinAttempts(), "refused attempts are not counted");

        user.unlock("new-pin-hash", true);
        assertFalse(user.isLocked());
        assertEquals(0, user.getFailedPinAttempts());
        assertInstanceOf(LockoutPolicy.Allowed.class, policy.before(user, now), "after unlock the next login is checked");
    }

    @Test
    void aRightPinResetsTheCount() {
        for (int i = 0; i < 6; i++) {
            wrongPin();
            now = now.plus(Duration.ofMinutes(3));
        }
        assertInstanceOf(LockoutPolicy.Allowed.class, policy.before(user, now));
        policy.succeeded(user, now);
        assertEquals(0, user.getFailedPinAttempts());
        assertNull(user.getNextPinAttemptAt());
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(LockoutPolicy.Allowed.class, wrongPin(), "counting starts afresh");
        }
    }

    @Test
    void aDisabledAccountReachingTheHardLimitIsLockedToo() {
        user.changeLoginState(LoginState.DISABLED);
        for (int i = 0; i < 10; i++) {
            wrongPin();
            now = now.plus(Duration.ofMinutes(3));
        }
        assertTrue(user.isLocked());
    }

    @Test
    void unknownAddressesFollowTheSameRule() {
        UnknownLogin unknown = new UnknownLogin("hash");
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(LockoutPolicy.Allowed.class, policy.before(unknown, now));
            policy.failed(unknown, now);
        }
        assertInstanceOf(LockoutPolicy.Wait.class, policy.before(unknown, now.plusSeconds(10)));
        for (int i = 0; i < 5; i++) {
            now = now.plus(Duration.ofMinutes(3));
            assertInstanceOf(LockoutPolicy.Allowed.class, policy.before(unknown, now));
            policy.failed(unknown, now);
        }
        assertInstanceOf(LockoutPolicy.HardLimit.class, policy.before(unknown, now.plus(Duration.ofDays(1))));
    }
}
