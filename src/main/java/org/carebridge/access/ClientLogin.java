package org.carebridge.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.access.ClientApiTypes.ClientOrganization;
import org.carebridge.access.ClientApiTypes.ClientProfile;
import org.carebridge.access.ClientApiTypes.DeviceDescription;
import org.carebridge.access.ClientApiTypes.SessionAnswer;
import org.carebridge.access.ClientContact.WipeInstruction;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.device.Device;
import org.carebridge.device.DevicePlatform;
import org.carebridge.device.PushProvider;
import org.carebridge.user.LoginState;
import org.carebridge.user.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client PIN login, PIN change and sign-out. Each attempt holds the account's row under a
 * pessimistic lock while {@link LockoutPolicy} decides, the PIN is checked and the outcome is
 * stored, so attempts arriving at once on several nodes are counted one after another.
 *
 * <p>Answers never tell whether an address exists: an unknown address gets its own counters
 * ({@link UnknownLogin}) and its PIN is checked against a dummy hash, so wrong PIN, unknown
 * address, disabled and locked accounts all look the same to the client.
 */
@ApplicationScoped
public class ClientLogin {

    private static final Logger LOG = Logger.getLogger(ClientLogin.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<ClientSessionsEnded> ended;

    @Inject
    PasswordHasher hasher;

    @Inject
    LockoutPolicy policy;

    @Inject
    UnknownLogins unknownLogins;

    @Inject
    ClientTokens tokens;

    @Inject
    ClientContact contact;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "carebridge.client.session-lifetime", defaultValue = "PT12H")
    Duration sessionLifetime;

    private volatile String dummyHash;

    /** How a login or PIN change ended. */
    public sealed interface Outcome permits SignedIn, Refused, Wait, Wipe, PinChanged, WrongPin, PinRejected {
    }

    public record SignedIn(SessionAnswer answer) implements Outcome {
    }

    /** Wrong PIN, unknown address, disabled or locked account: one answer for all. */
    public record Refused() implements Outcome {
    }

    public record Wait(long retryAfterSeconds) implements Outcome {
    }

    public record Wipe(WipeInstruction instruction) implements Outcome {
    }

    public record PinChanged() implements Outcome {
    }

    /** The current PIN given with a PIN change was not right (counted like a failed login). */
    public record WrongPin() implements Outcome {
    }

    /** The new PIN breaks a rule; nothing was checked or counted. */
    public record PinRejected(String reason) implements Outcome {
    }

    /**
     * Signs {@code email} in on the described device. On success the device is registered or
     * updated, earlier sessions on that device end, and a new session starts.
     */
    @Transactional
    public Outcome login(String email, String pin, DeviceDescription device) {
        Instant now = clock.instant();
        String address = User.normalizeEmail(email);
        User user = em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", address)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream().findFirst().orElse(null);
        PinAttempts attempts = user != null ? user : unknownLogins.locked(SecretTokens.hash(address));

        if (user != null) {
            Device known = deviceOf(user, device.deviceKey());
            if (known != null && known.isWipePending()) {
                // The device itself is asking: it gets its wipe instruction whatever the PIN.
                return new Wipe(contact.instruct(known));
            }
        }
        LockoutPolicy.Verdict verdict = policy.before(attempts, now);
        if (verdict instanceof LockoutPolicy.Wait wait) {
            return new Wait(wait.retryAfterSeconds());
        }
        if (verdict instanceof LockoutPolicy.HardLimit) {
            return new Refused();
        }
        // Always one PBKDF2 check, so unknown addresses take as long as known ones.
        String storedHash = user != null && user.getPinHash() != null ? user.getPinHash() : dummyHash();
        boolean pinRight = hasher.matches(pin, storedHash);
        if (!pinRight || user == null || !user.mayUseClients()) {
            failed(attempts, user, now);
            return new Refused();
        }
        policy.succeeded(user, now);
        user.clientLoggedIn(now);
        Device registered = register(user, device, now);
        String token = SecretTokens.newToken();
        ClientSession session = new ClientSession(registered, SecretTokens.hash(token), now, sessionLifetime);
        em.persist(session);
        LOG.info(() -> "Client login of user " + user.getId() + " on device " + registered.getId());
        return new SignedIn(new SessionAnswer(token, "Bearer", session.getExpiresAt(), user.isPinTemporary(),
                ClientProfile.of(user), ClientOrganization.of(user.getOrganization()), registered.getDeviceKey()));
    }

    /** The signed-in client's own session, for GET /session: everything but the token. */
    @Transactional
    public SessionAnswer describe(ClientSession session) {
        User user = em.find(User.class, session.getUser().getId());
        return new SessionAnswer(null, "Bearer", session.getExpiresAt(), user.isPinTemporary(), ClientProfile.of(user),
                ClientOrganization.of(user.getOrganization()), session.getDevice().getDeviceKey());
    }

    /**
     * Changes the signed-in user's PIN. The current PIN is checked under the same lockout rule as
     * a login (a stolen session must not become a way to guess the PIN); the new one must be four
     * digits, not all the same digit, and differ from the current one. A temporary PIN becomes
     * a permanent one.
     */
    @Transactional
    public Outcome changePin(ClientSession session, String currentPin, String newPin) {
        String problem = newPinProblem(currentPin, newPin);
        if (problem != null) {
            return new PinRejected(problem);
        }
        Instant now = clock.instant();
        User user = em.find(User.class, session.getUser().getId(), LockModeType.PESSIMISTIC_WRITE);
        LockoutPolicy.Verdict verdict = policy.before(user, now);
        if (verdict instanceof LockoutPolicy.Wait wait) {
            return new Wait(wait.retryAfterSeconds());
        }
        if (verdict instanceof LockoutPolicy.HardLimit || !user.mayUseClients()) {
            return new Refused();
        }
        if (!hasher.matches(currentPin, user.getPinHash())) {
            failed(user, user, now);
            return user.isLocked() ? new Refused() : new WrongPin();
        }
        boolean wasTemporary = user.isPinTemporary();
        policy.succeeded(user, now);
        user.changePinHash(hasher.hash(newPin), false);
        audit.recordBy(user, user.getOrganization(), AuditAction.USER_PIN_CHANGED, AuditTarget.user(user),
                "PIN: changed by the user in the app; PIN is temporary: " + (wasTemporary ? "Yes" : "No") + " \u2192 No");
        LOG.info(() -> "User " + user.getId() + " changed their PIN in the app");
        return new PinChanged();
    }

    /** Sign-out: ends this session only. */
    @Transactional
    public void logout(ClientSession session) {
        ClientSession current = em.find(ClientSession.class, session.getId());
        if (current != null) {
            current.revoke(clock.instant());
            ended.fire(ClientSessionsEnded.ofSession(current.getId()));
            LOG.info(() -> "Client sign-out of user " + current.getUser().getId() + " on device " + current.getDevice().getId());
        }
    }

    /** The rule for a PIN the user chooses, or {@code null} when it will do. */
    public static String newPinProblem(String currentPin, String newPin) {
        String problem = User.pinProblem(newPin);
        if (problem != null) {
            return problem;
        }
        if (newPin.chars().distinct().count() == 1) {
            return "The new PIN cannot be the same digit four times.";
        }
        if (newPin.equals(currentPin)) {
            return "The new PIN must differ from the current one.";
        }
        return null;
    }

    private void failed(PinAttempts attempts, User user, Instant now) {
        LoginState before = user == null ? null : user.getLoginState();
        boolean hardLimit = policy.failed(attempts, now);
        if (user == null) {
            LOG.info("Client login refused for an unknown address");
            return;
        }
        LOG.info(() -> "Wrong PIN for user " + user.getId() + " (" + user.getFailedPinAttempts() + " in a row)");
        if (hardLimit) {
            int ended = tokens.revokeAllOfUser(user.getId());
            audit.record(user.getOrganization(), AuditAction.USER_LOCKED, AuditTarget.user(user),
                    "Can Login: \"" + before.label() + "\" \u2192 \"" + LoginState.LOCKED.label() + "\" after "
                            + user.getFailedPinAttempts() + " consecutive wrong PINs; " + ended + " client sessions ended");
            LOG.warning(() -> "User " + user.getId() + " locked after " + user.getFailedPinAttempts() + " wrong PINs");
        }
    }

    private Device deviceOf(User user, String deviceKey) {
        List<Device> found = em.createNamedQuery(Device.BY_KEY, Device.class).setParameter("userId", user.getId())
                .setParameter("deviceKey", deviceKey).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The device as this login describes it; earlier sessions on it end (one session per device). */
    private Device register(User user, DeviceDescription description, Instant now) {
        Device device = deviceOf(user, description.deviceKey());
        if (device == null) {
            device = new Device(user, description.deviceKey(),
                    DevicePlatform.valueOf(description.platform().toUpperCase(Locale.ROOT)), description.name(), now);
            em.persist(device);
        } else {
            tokens.revokeAllOfDevice(device.getId());
            device.rename(description.name());
        }
        String provider = description.pushProvider();
        String pushToken = description.pushToken() == null || description.pushToken().isBlank() ? null
                : description.pushToken().strip();
        if (provider == null || pushToken == null) {
            device.changePushToken(PushProvider.NONE, null);
        } else {
            device.changePushToken(PushProvider.valueOf(provider.toUpperCase(Locale.ROOT)), pushToken);
        }
        device.loggedIn(now);
        return device;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash("0000");
            dummyHash = hash;
        }
        return hash;
    }
}
