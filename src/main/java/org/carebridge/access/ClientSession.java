package org.carebridge.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

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

import org.carebridge.device.Device;
import org.carebridge.user.User;

/**
 * A handheld or web client signed in on one device after a PIN login. The client presents a
 * bearer token; only its SHA-256 is stored. Revoked by sign-out, remote wipe or an
 * administrator, and it expires on its own.
 */
@Entity
@Table(name = "client_session")
@NamedQuery(name = ClientSession.BY_HASH, query = "select s from ClientSession s where s.tokenHash = :hash")
@NamedQuery(name = ClientSession.ACTIVE_OF_DEVICE, query = "select s from ClientSession s"
        + " where s.device.id = :deviceId and s.revokedAt is null and s.expiresAt > :now")
@NamedQuery(name = ClientSession.ACTIVE_OF_USER, query = "select s from ClientSession s"
        + " where s.user.id = :userId and s.revokedAt is null and s.expiresAt > :now")
public class ClientSession {

    public static final String BY_HASH = "ClientSession.byHash";
    public static final String ACTIVE_OF_DEVICE = "ClientSession.activeOfDevice";
    public static final String ACTIVE_OF_USER = "ClientSession.activeOfUser";

    @Id
    @SequenceGenerator(name = "client_session_seq", sequenceName = "client_session_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_session_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @ManyToOne(optional = false)
    @JoinColumn(name = "device_id", nullable = false, updatable = false)
    private Device device;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ClientSession() {
    }

    /** A session for the device's own user, valid for {@code lifetime} unless revoked. */
    public ClientSession(Device device, String tokenHash, Instant now, Duration lifetime) {
        this.device = Objects.requireNonNull(device, "device");
        if (device.isWipePending()) {
            throw new IllegalStateException("A remote wipe is pending for this device. It must be wiped before signing in again.");
        }
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("A session lifetime must be positive");
        }
        this.user = device.getUser();
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.createdAt = now;
        this.expiresAt = now.plus(lifetime);
        this.lastUsedAt = now;
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Ends the session now; revoking an ended session keeps the first revocation time. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** The client presented the token; the time never moves back. */
    public void used(Instant now) {
        if (lastUsedAt == null || now.isAfter(lastUsedAt)) {
            lastUsedAt = now;
        }
    }

    public Long getId() { return id; }
    public User getUser() { return user; }
    public Device getDevice() { return device; }
    public String getTokenHash() { return tokenHash; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
}
