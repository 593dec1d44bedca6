package org.carebridge.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.carebridge.user.User;

/** A single-use, expiring link to set a console password. Only the token's hash is stored. */
@Entity
@Table(name = "password_token")
@NamedQuery(name = PasswordToken.BY_HASH, query = "select t from PasswordToken t where t.tokenHash = :hash")
@NamedQuery(name = PasswordToken.OPEN_FOR_USER, query = "select t from PasswordToken t where t.user = :user"
        + " and t.usedAt is null and t.expiresAt > :now")
public class PasswordToken {

    public static final String BY_HASH = "PasswordToken.byHash";
    public static final String OPEN_FOR_USER = "PasswordToken.openForUser";

    @Id
    @SequenceGenerator(name = "password_token_seq", sequenceName = "password_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "password_token_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PasswordTokenPurpose purpose;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordToken() {
    }

    public PasswordToken(User user, PasswordTokenPurpose purpose, String tokenHash, Instant now) {
        this.user = user;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(purpose.lifetime());
    }

    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void markUsed(Instant now) {
        this.usedAt = now;
    }

    /** Ends the token early, e.g. when a newer one is issued. */
    public void revoke(Instant now) {
        if (usedAt == null && now.isBefore(expiresAt)) {
            this.expiresAt = now.isAfter(createdAt) ? now : createdAt.plusMillis(1);
            this.usedAt = now;
        }
    }

    public Long getId() { return id; }
    public User getUser() { return user; }
    public PasswordTokenPurpose getPurpose() { return purpose; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getUsedAt() { return usedAt; }
}
