package org.carebridge.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * PIN-attempt counters of an e-mail address that belongs to no user who can sign in. The login
 * applies {@link LockoutPolicy} to it exactly as to a user, so waits and refusals never tell
 * whether an address exists. Keyed by the address's SHA-256; the address is not stored.
 */
@Entity
@Table(name = "unknown_login")
public class UnknownLogin implements PinAttempts {

    @Id
    @Column(name = "email_hash")
    private String emailHash;

    @Column(name = "failed_pin_attempts", nullable = false)
    private int failedPinAttempts;

    @Column(name = "last_failed_pin_at")
    private Instant lastFailedPinAt;

    @Column(name = "next_pin_attempt_at")
    private Instant nextPinAttemptAt;

    @Column(name = "hard_limit_reached", nullable = false)
    private boolean hardLimitReached;

    protected UnknownLogin() {
    }

    UnknownLogin(String emailHash) {
        this.emailHash = emailHash;
    }

    @Override
    public int getFailedPinAttempts() {
        return failedPinAttempts;
    }

    @Override
    public Instant getNextPinAttemptAt() {
        return nextPinAttemptAt;
    }

    @Override
    public boolean isLocked() {
        return hardLimitReached;
    }

    @Override
    public void pinFailed(int consecutiveFailures, Instant at, Instant nextAttemptAt, boolean hardLimit) {
        this.failedPinAttempts = consecutiveFailures;
        this.lastFailedPinAt = at;
        this.nextPinAttemptAt = nextAttemptAt;
        this.hardLimitReached = hardLimit;
    }

    @Override
    public void pinAccepted(Instant at) {
        throw new IllegalStateException("No PIN is ever right for an unknown address");
    }

    public String getEmailHash() {
        return emailHash;
    }

    public Instant getLastFailedPinAt() {
        return lastFailedPinAt;
    }
}
