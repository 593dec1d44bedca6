package org.carebridge.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.device.Device;
import org.carebridge.user.User;

/**
 * What happens on every contact of a client holding an access token, for REST calls
 * ({@link ClientTokenFilter}) and the WebSocket handshake alike: {@link #admit(String)} finds the
 * active session, hands a device with a pending remote wipe its wipe instruction (and ends all
 * its sessions), and records the device's most recent activity at most once a
 * {@link #ACTIVITY_RESOLUTION} per session, with one UPDATE each for session and device.
 */
@ApplicationScoped
public class ClientContact {

    private static final Logger LOG = Logger.getLogger(ClientContact.class.getName());
    /** The device list shows activity to the minute; recording it more often would only cost writes. */
    public static final Duration ACTIVITY_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ClientTokens tokens;

    @Inject
    AuditTrail audit;

    /** What a device told to wipe itself receives: its key and the one-time code that confirms the wipe. */
    public record WipeInstruction(String deviceKey, String confirmation) {
    }

    /** The answer to a client's contact. */
    public sealed interface Admission permits Admitted, WipeRequired, Refused {
    }

    /** An active session; {@link #pinChangeRequired()} says whether it may do anything but change the PIN. */
    public record Admitted(ClientSession session) implements Admission {
        public boolean pinChangeRequired() {
            return session.getUser().isPinTemporary();
        }
    }

    /** The device must wipe itself; all its sessions have just ended. Answer with the instruction, nothing else. */
    public record WipeRequired(WipeInstruction instruction) implements Admission {
    }

    /** Missing, unknown, expired or revoked token: sign in again. */
    public record Refused() implements Admission {
    }

    /**
     * The one entry check for a client contact with {@code token} (the bearer token, or the
     * token a WebSocket handshake carries). A token whose session already ended still gets the
     * wipe instruction while its device has a wipe pending, so a device that missed the first
     * instruction receives it again.
     */
    @Transactional
    public Admission admit(String token) {
        Optional<ClientSession> active = tokens.active(token);
        if (active.isEmpty()) {
            return pendingWipeOf(token).<Admission>map(WipeRequired::new).orElseGet(Refused::new);
        }
        ClientSession session = active.get();
        if (session.getDevice().isWipePending()) {
            return new WipeRequired(instruct(em.find(Device.class, session.getDevice().getId())));
        }
        recordActivity(session);
        return new Admitted(session);
    }

    /**
     * Tells {@code device} (managed, with a wipe pending) to wipe itself: ends its sessions and
     * issues a new one-time confirmation code, of which only the hash is kept.
     */
    @Transactional(TxType.MANDATORY)
    public WipeInstruction instruct(Device device) {
        int ended = tokens.revokeAllOfDevice(device.getId());
        String code = SecretTokens.newToken();
        device.wipeInstructed(SecretTokens.hash(code));
        LOG.info(() -> "Wipe instruction sent to device " + device.getId() + "; " + ended + " sessions ended");
        return new WipeInstruction(device.getDeviceKey(), code);
    }

    /**
     * The device confirms it wiped itself, with the key it has and the code of its latest wipe
     * instruction. Nothing else can confirm a wipe.
     *
     * @return whether a pending wipe was confirmed
     */
    @Transactional
    public boolean confirmWiped(String deviceKey, String confirmation) {
        if (deviceKey == null || confirmation == null || confirmation.isBlank() || confirmation.length() > 100) {
            return false;
        }
        List<Device> found = em.createNamedQuery(Device.BY_WIPE_CODE, Device.class)
                .setParameter("hash", SecretTokens.hash(confirmation.strip())).getResultList();
        if (found.isEmpty() || !found.get(0).getDeviceKey().equals(deviceKey) || !found.get(0).isWipePending()) {
            LOG.info("Refused a wipe confirmation with an unknown code");
            return false;
        }
        Device device = found.get(0);
        device.confirmWiped(clock.instant());
        tokens.revokeAllOfDevice(device.getId());
        User owner = device.getUser();
        audit.recordBy(owner, owner.getOrganization(), AuditAction.DEVICE_WIPED, AuditTarget.of("Device", device.getId()),
                "Device \"" + device.getName() + "\" of " + owner.getSortName() + " (" + owner.getStaffId()
                        + ") confirmed the remote wipe");
        LOG.info(() -> "Device " + device.getId() + " confirmed its remote wipe");
        return true;
    }

    private Optional<WipeInstruction> pendingWipeOf(String token) {
        if (token == null || token.isBlank() || token.length() > ClientTokens.MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return em.createNamedQuery(ClientSession.BY_HASH, ClientSession.class)
                .setParameter("hash", SecretTokens.hash(token.strip())).getResultList().stream()
                .map(session -> em.find(Device.class, session.getDevice().getId()))
                .filter(device -> device != null && device.isWipePending())
                .findFirst().map(this::instruct);
    }

    private void recordActivity(ClientSession session) {
        Instant now = clock.instant();
        Instant last = session.getLastUsedAt();
        if (last != null && now.isBefore(last.plus(ACTIVITY_RESOLUTION))) {
            return;
        }
        em.createQuery("update ClientSession s set s.lastUsedAt = :now where s.id = :id"
                        + " and (s.lastUsedAt is null or s.lastUsedAt < :now)")
                .setParameter("now", now).setParameter("id", session.getId()).executeUpdate();
        em.createQuery("update Device d set d.lastActivityAt = :now where d.id = :id"
                        + " and (d.lastActivityAt is null or d.lastActivityAt < :now)")
                .setParameter("now", now).setParameter("id", session.getDevice().getId()).executeUpdate();
    }
}
