package org.carebridge.device;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.access.ClientSession;
import org.carebridge.access.NotInScopeException;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.user.User;

/**
 * The administrator's controls over a user's devices (the User's Devices list): notifications
 * off and on, remote wipe, and deleting a wiped device's information. Callers pass a user loaded
 * through {@code AdminScope}; a device id is only accepted when it is one of that user's devices,
 * so another organization's device is "not found".
 */
@ApplicationScoped
public class DeviceService {

    private static final Logger LOG = Logger.getLogger(DeviceService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /** The user's devices, most recently active first. */
    public List<Device> devicesOf(User user) {
        return em.createNamedQuery(Device.OF_USER, Device.class).setParameter("userId", user.getId()).getResultList();
    }

    /**
     * The signed-in user's own device list, as the client shows it: every device of the user, most
     * recently active first, with whether it has a session open now. Only {@code user}'s devices:
     * there is no id to pass, so no other user's device can be asked for.
     */
    public List<OwnDevice> ownDevices(User user, Long currentDeviceId) {
        Set<Long> signedIn = new HashSet<>(em.createNamedQuery(ClientSession.ACTIVE_OF_USER, ClientSession.class)
                .setParameter("userId", user.getId()).setParameter("now", clock.instant()).getResultList().stream()
                .map(s -> s.getDevice().getId()).toList());
        return devicesOf(user).stream()
                .map(d -> OwnDevice.of(d, signedIn.contains(d.getId()), d.getId().equals(currentDeviceId)))
                .toList();
    }

    @Transactional
    public Device disableNotifications(User user, Long deviceId) {
        return change(user, deviceId, AuditAction.DEVICE_NOTIFICATIONS_DISABLED, Device::disableNotifications);
    }

    @Transactional
    public Device enableNotifications(User user, Long deviceId) {
        return change(user, deviceId, AuditAction.DEVICE_NOTIFICATIONS_ENABLED, Device::enableNotifications);
    }

    /** Asks the device to remove Carebridge's data and sign out the next time it connects. */
    @Transactional
    public Device requestWipe(User user, Long deviceId) {
        return change(user, deviceId, AuditAction.DEVICE_WIPE_REQUESTED, device -> device.requestWipe(clock.instant()));
    }

    /** Removes a wiped device from the user's list. */
    @Transactional
    public void deleteInfo(User user, Long deviceId) {
        Device device = deviceOf(user, deviceId);
        if (!device.canDeleteInfo()) {
            throw new IllegalStateException("A device's information can only be deleted after the device has been wiped.");
        }
        record(device, AuditAction.DEVICE_DELETED);
        em.remove(device);
        LOG.info(() -> "Deleted wiped device " + deviceId);
    }

    private Device change(User user, Long deviceId, AuditAction action, Consumer<Device> change) {
        Device device = deviceOf(user, deviceId);
        change.accept(device);
        record(device, action);
        LOG.info(() -> action.code() + " on device " + deviceId);
        return device;
    }

    private void record(Device device, AuditAction action) {
        User owner = device.getUser();
        audit.record(owner.getOrganization(), action, AuditTarget.of("Device", device.getId()),
                "Device \"" + device.getName() + "\" of " + owner.getSortName() + " (" + owner.getStaffId() + ")");
    }

    /** One of {@code user}'s devices; anything else is refused the same way as an unknown id. */
    private Device deviceOf(User user, Long deviceId) {
        List<Device> found = deviceId == null ? List.of() : em.createQuery(
                "select d from Device d where d.id = :id and d.user.id = :userId", Device.class)
                .setParameter("id", deviceId).setParameter("userId", user.getId()).getResultList();
        if (found.isEmpty()) {
            LOG.warning(() -> "Refused device " + deviceId + " for user " + user.getId());
            throw new NotInScopeException("Device " + deviceId + " is not one of user " + user.getId() + "'s devices");
        }
        return found.get(0);
    }
}
