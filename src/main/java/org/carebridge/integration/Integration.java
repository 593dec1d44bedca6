package org.carebridge.integration;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.carebridge.organization.Organization;

/**
 * An organization's link to its on-premises system: the integration user id and shared key
 * the connector signs in with, and the connector's status. The shared key is kept encrypted
 * by {@link SharedKeyCipher}; the connector proves it knows the key and never sends it.
 */
@Entity
@Table(name = "integration")
@NamedQuery(name = Integration.BY_ORGANIZATION, query = "select i from Integration i"
        + " where i.organization.id = :organizationId")
@NamedQuery(name = Integration.BY_INTEGRATION_USER_ID, query = "select i from Integration i"
        + " where i.integrationUserId = :integrationUserId")
@NamedQuery(name = Integration.ENABLED, query = "select i from Integration i where i.enabled = true")
public class Integration {

    public static final String BY_ORGANIZATION = "Integration.byOrganization";
    public static final String BY_INTEGRATION_USER_ID = "Integration.byIntegrationUserId";
    public static final String ENABLED = "Integration.enabled";
    /** Without a heartbeat for this long the connector counts as not connected, even if no node saw it leave. */
    public static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);
    public static final int CIPHERTEXT_MAX = 512;

    private static final SecureRandom RANDOM = new SecureRandom();
    // No 0/o or 1/l: administrators copy this id by hand into the connector's settings.
    private static final char[] USER_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int USER_ID_RANDOM_CHARS = 24;

    @Id
    @SequenceGenerator(name = "integration_seq", sequenceName = "integration_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "integration_seq")
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "organization_id", nullable = false, updatable = false)
    private Organization organization;

    @Column(name = "integration_user_id", nullable = false)
    private String integrationUserId;

    @Column(name = "shared_key_ciphertext", nullable = false)
    private String sharedKeyCiphertext;

    @Column(nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "system_kind", nullable = false)
    private SystemKind systemKind = SystemKind.VOICE_ONLY;

    @Enumerated(EnumType.STRING)
    @Column(name = "connection_state", nullable = false)
    private ConnectionState connectionState = ConnectionState.NOT_CONNECTED;

    @Column(name = "last_heartbeat_at")
    private Instant lastHeartbeatAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** "Sync Users Now" was pressed and no run has started since; the node holding the connector starts one. */
    @Column(name = "sync_requested_at")
    private Instant syncRequestedAt;

    @Version
    private long version;

    protected Integration() {
    }

    /** Enables integration for {@code organization} with a fresh user id and an already encrypted shared key. */
    public Integration(Organization organization, String integrationUserId, String sharedKeyCiphertext, Instant now) {
        this.organization = Objects.requireNonNull(organization, "organization");
        if (integrationUserId == null || integrationUserId.isBlank() || integrationUserId.length() > 64) {
            throw new IllegalArgumentException("An integration user id must be 1 to 64 characters");
        }
        this.integrationUserId = integrationUserId;
        this.enabled = true;
        this.createdAt = now;
        replaceSharedKey(sharedKeyCiphertext);
    }

    /** A random integration user id, "cb-" and 24 characters that are easy to copy by hand. */
    public static String newIntegrationUserId() {
        StringBuilder sb = new StringBuilder("cb-");
        for (int i = 0; i < USER_ID_RANDOM_CHARS; i++) {
            sb.append(USER_ID_ALPHABET[RANDOM.nextInt(USER_ID_ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** Regenerate: a new user id and shared key; a connector signed in with the old ones is no longer accepted. */
    public void replaceCredentials(String newIntegrationUserId, String ciphertext) {
        if (newIntegrationUserId == null || newIntegrationUserId.isBlank() || newIntegrationUserId.length() > 64) {
            throw new IllegalArgumentException("An integration user id must be 1 to 64 characters");
        }
        replaceSharedKey(ciphertext);
        this.integrationUserId = newIntegrationUserId;
        disconnected();
    }

    /** A new shared key (already encrypted); a connector still using the old one is no longer accepted. */
    public void replaceSharedKey(String ciphertext) {
        if (ciphertext == null || ciphertext.isBlank() || ciphertext.length() > CIPHERTEXT_MAX) {
            throw new IllegalArgumentException("The encrypted shared key must be 1 to " + CIPHERTEXT_MAX + " characters");
        }
        this.sharedKeyCiphertext = ciphertext;
    }

    public void enable() {
        enabled = true;
    }

    /** Stops accepting the connector; one connected now counts as disconnected. */
    public void disable() {
        enabled = false;
        disconnected();
    }

    /** "Sync Users Now": a run starts as soon as the node holding the connector's socket sees this. */
    public void requestSync(Instant now) {
        if (!enabled) {
            throw new IllegalStateException("Enable the integration before syncing users.");
        }
        if (syncRequestedAt == null) {
            syncRequestedAt = now;
        }
    }

    public void clearSyncRequest() {
        syncRequestedAt = null;
    }

    public void changeSystemKind(SystemKind kind) {
        this.systemKind = Objects.requireNonNull(kind, "kind");
    }

    /** The connector is signed in and alive. */
    public void heartbeat(Instant now) {
        if (!enabled) {
            throw new IllegalStateException("Integration is disabled for " + organization.getName() + ".");
        }
        connectionState = ConnectionState.CONNECTED;
        if (lastHeartbeatAt == null || now.isAfter(lastHeartbeatAt)) {
            lastHeartbeatAt = now;
        }
    }

    /** The connector's socket closed. */
    public void disconnected() {
        connectionState = ConnectionState.NOT_CONNECTED;
    }

    /**
     * The status to show at {@code now}: connected only while heartbeats keep arriving, so a node
     * that died while holding the connector's socket does not leave it "Connected" for ever.
     */
    public ConnectionState connectionStateAt(Instant now) {
        boolean fresh = lastHeartbeatAt != null && now.isBefore(lastHeartbeatAt.plus(HEARTBEAT_TIMEOUT));
        return enabled && connectionState == ConnectionState.CONNECTED && fresh
                ? ConnectionState.CONNECTED : ConnectionState.NOT_CONNECTED;
    }

    public Long getId() { return id; }
    public Organization getOrganization() { return organization; }
    public String getIntegrationUserId() { return integrationUserId; }
    public String getSharedKeyCiphertext() { return sharedKeyCiphertext; }
    public boolean isEnabled() { return enabled; }
    public SystemKind getSystemKind() { return systemKind; }
    public ConnectionState getConnectionState() { return connectionState; }
    public Instant getLastHeartbeatAt() { return lastHeartbeatAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSyncRequestedAt() { return syncRequestedAt; }
    public long getVersion() { return version; }
}
