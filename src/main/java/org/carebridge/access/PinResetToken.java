package org.carebridge.access;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.carebridge.user.User;

/**
 * A single-use, expiring link an administrator mails so a user can choose a new client PIN.
 * Kept apart from {@link PasswordToken}: a PIN link must never open the console password page,
 * nor a password link set a PIN. Only the token's hash is stored.
 */
@Entity
@Table(name = "pin_reset_token")
@NamedQuery(name = PinResetToken.BY_HASH, query = "select t from PinResetToken t where t.tokenHash = :hash")
@NamedQuery(name = PinResetToken.OPEN_FOR_USER, query = "select t from PinResetToken t where t.user = :user"
        + " and t.usedAt is null and t.expiresAt > :now")
public class PinResetToken {

    public static final String BY_HASH = "PinResetToken.byHash";
    public static final String OPEN_FOR_USER = "PinResetToken.openForUser";
    /** A user may not read the mail at once (night shift), so the link lasts a day. */
    public static final Duration LIFETIME = Duration.ofHours(24);

    @Id
    @SequenceGenerator(name = "pin_reset_token_seq", sequenceName = "pin_reset_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pin_reset_token_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PinResetToken() {
    }

    public PinResetToken(User user, String tokenHash, Instant now) {
        this.user = user;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void markUsed(Instant now) {
        if (!isUsable(now)) {
            throw new IllegalStateException("This PIN link can no longer be used");
        }
        this.usedAt = now;
    }

    /** Ends the token early, when a newer one is mailed. */
    public void revoke(Instant now) {
        if (isUsable(now)) {
            this.expiresAt = now.isAfter(createdAt) ? now : createdAt.plusMillis(1);
            this.usedAt = now;
        }
    }

    public Long getId() { return id; }
    public User getUser() { return user; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getUsedAt() { return usedAt; }
}
