package org.carebridge.device;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.carebridge.user.User;

/**
 * A phone, tablet or browser a user signs in from, as the User's Devices list shows it: push
 * registration, last activity, and the administrator's controls (notifications on or off,
 * remote wipe, then deleting the device's information).
 */
@Entity
@Table(name = "device")
@NamedQuery(name = Device.OF_USER, query = "select d from Device d where d.user.id = :userId"
        + " order by d.lastActivityAt desc, d.id")
@NamedQuery(name = Device.BY_KEY, query = "select d from Device d where d.user.id = :userId"
        + " and d.deviceKey = :deviceKey")
@NamedQuery(name = Device.PUSH_TARGETS_OF_USER, query = "select d from Device d where d.user.id = :userId"
        + " and d.notificationsEnabled = true and d.pushToken is not null"
        + " and d.wipeState = org.carebridge.device.WipeState.NONE")
@NamedQuery(name = Device.BY_WIPE_CODE, query = "select d from Device d where d.wipeCodeHash = :hash")
public class Device {

    public static final String OF_USER = "Device.ofUser";
    public static final String BY_KEY = "Device.byKey";
    public static final String PUSH_TARGETS_OF_USER = "Device.pushTargetsOfUser";
    public static final String BY_WIPE_CODE = "Device.byWipeCode";
    public static final int KEY_MAX = 128;
    public static final int NAME_MAX = 100;
    public static final int PUSH_TOKEN_MAX = 512;

    public static final String STATUS_LOGGED_OUT = "Logged out";
    public static final String STATUS_PUSH_ACTIVE = "Device is active. Push notification active.";
    public static final String STATUS_PUSH_NOT_ACTIVE = "Device is active. Push notifications not active.";
    public static final String STATUS_WIPE_REQUESTED = "Remote wipe requested.";
    public static final String STATUS_WIPED = "Device wiped.";

    @Id
    @SequenceGenerator(name = "device_seq", sequenceName = "device_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "device_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Column(name = "device_key", nullable = false, updatable = false)
    private String deviceKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DevicePlatform platform;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "push_provider", nullable = false)
    private PushProvider pushProvider = PushProvider.NONE;

    @Column(name = "push_token")
    private String pushToken;

    @Column(name = "notifications_enabled", nullable = false)
    private boolean notificationsEnabled = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "wipe_state", nullable = false)
    private WipeState wipeState = WipeState.NONE;

    @Column(name = "wipe_requested_at")
    private Instant wipeRequestedAt;

    @Column(name = "wiped_at")
    private Instant wipedAt;

    /** SHA-256 of the code the device got with its latest wipe instruction; set only while a wipe is pending. */
    @Column(name = "wipe_code_hash")
    private String wipeCodeHash;

    /** {@code null} until the user first signs in on this device: it then counts as logged out. */
    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** "Most Recent Activity": the last time the app on this device reached the server. */
    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Device() {
    }

    /** A device the app registered for {@code user}; {@code name} defaults to the platform's name. */
    public Device(User user, String deviceKey, DevicePlatform platform, String name, Instant now) {
        this.user = Objects.requireNonNull(user, "user");
        if (deviceKey == null || deviceKey.isBlank() || deviceKey.length() > KEY_MAX) {
            throw new IllegalArgumentException("The device key must be 1 to " + KEY_MAX + " characters.");
        }
        this.deviceKey = deviceKey;
        this.platform = Objects.requireNonNull(platform, "platform");
        this.createdAt = now;
        rename(name);
    }

    /** The name the user gave the device, or the platform's name when none was given. */
    public void rename(String newName) {
        String stripped = newName == null ? "" : newName.strip();
        if (stripped.length() > NAME_MAX) {
            throw new IllegalArgumentException("The device name can be at most " + NAME_MAX + " characters.");
        }
        this.name = stripped.isEmpty() ? platform.label() : stripped;
    }

    /** The app (re)registered for push; {@code NONE} with a {@code null} token clears it. */
    public void changePushToken(PushProvider provider, String token) {
        Objects.requireNonNull(provider, "provider");
        if (provider == PushProvider.NONE) {
            if (token != null) {
                throw new IllegalArgumentException("A push token needs its push service.");
            }
        } else if (token == null || token.isBlank() || token.length() > PUSH_TOKEN_MAX) {
            throw new IllegalArgumentException("The push token must be 1 to " + PUSH_TOKEN_MAX + " characters.");
        }
        this.pushProvider = provider;
        this.pushToken = token;
    }

    /**
     * The user signed in on this device. Signing in again after a completed wipe starts the
     * device afresh; while a wipe is pending the device must carry it out first.
     */
    public void loggedIn(Instant now) {
        if (wipeState == WipeState.REQUESTED) {
            throw new IllegalStateException("A remote wipe is pending for this device. It must be wiped before signing in again.");
        }
        if (wipeState == WipeState.WIPED) {
            wipeState = WipeState.NONE;
            wipeRequestedAt = null;
            wipedAt = null;
            notificationsEnabled = true;
        }
        lastLoginAt = now;
        recordActivity(now);
    }

    /** The app reached the server; the activity time never moves back. */
    public void recordActivity(Instant now) {
        if (lastActivityAt == null || now.isAfter(lastActivityAt)) {
            lastActivityAt = now;
        }
    }

    public void disableNotifications() {
        requireNoWipe();
        notificationsEnabled = false;
    }

    public void enableNotifications() {
        requireNoWipe();
        notificationsEnabled = true;
    }

    /** Asks the device to remove Carebridge data and sign out on its next contact. Asking twice changes nothing. */
    public void requestWipe(Instant now) {
        if (wipeState == WipeState.WIPED) {
            throw new IllegalStateException("This device has already been wiped.");
        }
        if (wipeState == WipeState.NONE) {
            wipeState = WipeState.REQUESTED;
            wipeRequestedAt = now;
        }
    }

    /**
     * The device was just told to wipe itself and got a one-time code to confirm it with; only
     * the code's hash is kept, and a newer instruction replaces the code.
     */
    public void wipeInstructed(String codeHash) {
        if (wipeState != WipeState.REQUESTED) {
            throw new IllegalStateException("No remote wipe is pending for this device.");
        }
        this.wipeCodeHash = Objects.requireNonNull(codeHash, "codeHash");
    }

    /** The device reports it carried out the requested wipe; its push registration goes with it. */
    public void confirmWiped(Instant now) {
        if (wipeState == WipeState.NONE) {
            throw new IllegalStateException("No remote wipe was requested for this device.");
        }
        if (wipeState == WipeState.REQUESTED) {
            wipeState = WipeState.WIPED;
            wipedAt = now;
            wipeCodeHash = null;
            pushProvider = PushProvider.NONE;
            pushToken = null;
            recordActivity(now);
        }
    }

    /** "Delete Device Info" is offered only once the device has confirmed the wipe. */
    public boolean canDeleteInfo() {
        return wipeState == WipeState.WIPED;
    }

    public boolean isWipePending() {
        return wipeState == WipeState.REQUESTED;
    }

    public boolean hasLoggedIn() {
        return lastLoginAt != null;
    }

    /** Whether a push notification would be sent to this device now. */
    public boolean isPushActive() {
        return wipeState == WipeState.NONE && notificationsEnabled && pushToken != null;
    }

    /** The Status column of the User's Devices list. */
    public String statusText() {
        if (wipeState == WipeState.WIPED) {
            return STATUS_WIPED;
        }
        if (wipeState == WipeState.REQUESTED) {
            return STATUS_WIPE_REQUESTED;
        }
        if (!hasLoggedIn()) {
            return STATUS_LOGGED_OUT;
        }
        return isPushActive() ? STATUS_PUSH_ACTIVE : STATUS_PUSH_NOT_ACTIVE;
    }

    private void requireNoWipe() {
        if (wipeState != WipeState.NONE) {
            throw new IllegalStateException("Notifications cannot be changed on a device that is being or has been wiped.");
        }
    }

    public Long getId() { return id; }
    public User getUser() { return user; }
    public String getDeviceKey() { return deviceKey; }
    public DevicePlatform getPlatform() { return platform; }
    public String getName() { return name; }
    public PushProvider getPushProvider() { return pushProvider; }
    public String getPushToken() { return pushToken; }
    public boolean isNotificationsEnabled() { return notificationsEnabled; }
    public WipeState getWipeState() { return wipeState; }
    public Instant getWipeRequestedAt() { return wipeRequestedAt; }
    public Instant getWipedAt() { return wipedAt; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public Instant getLastActivityAt() { return lastActivityAt; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
