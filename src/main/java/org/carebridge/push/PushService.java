package org.carebridge.push;

import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.device.Device;

/**
 * Sends a push notification to every device of a user that takes push now (notifications on,
 * a push token, no wipe: {@link Device#PUSH_TARGETS_OF_USER}), and clears the token of a device
 * its push service reports invalid, so nothing is sent to it again until the app registers anew.
 *
 * <p>Call it after the change that causes it has committed and outside a transaction (it waits
 * on the push services), e.g. from an {@code @ObservesAsync} observer of "message sent".
 */
@ApplicationScoped
public class PushService {

    private static final Logger LOG = Logger.getLogger(PushService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PushProviders providers;

    @Inject
    PushService self;

    /** How one notification went, device by device. */
    public record Report(int delivered, int invalidTokens, int failed) {
    }

    public Report notifyUser(Long userId, PushNotification notification) {
        List<Device> targets = em.createNamedQuery(Device.PUSH_TARGETS_OF_USER, Device.class)
                .setParameter("userId", userId).getResultList();
        int delivered = 0;
        int invalid = 0;
        int failed = 0;
        for (Device device : targets) {
            PushResult result = providers.forDevice(device).send(device, notification);
            switch (result.outcome()) {
                case DELIVERED -> delivered++;
                case INVALID_TOKEN -> {
                    invalid++;
                    self.clearToken(device.getId(), device.getPushToken());
                }
                case FAILED -> failed++;
            }
        }
        Report report = new Report(delivered, invalid, failed);
        LOG.fine(() -> "Push to user " + userId + ": " + report);
        return report;
    }

    /**
     * Forgets a device's push token the service reported invalid, unless the app registered a new
     * one meanwhile. One UPDATE, so an administrator's concurrent change of the device is not disturbed.
     */
    @Transactional
    public void clearToken(Long deviceId, String invalidToken) {
        int cleared = em.createQuery("update Device d set d.pushProvider = :none, d.pushToken = null"
                        + " where d.id = :id and d.pushToken = :token")
                .setParameter("none", org.carebridge.device.PushProvider.NONE)
                .setParameter("id", deviceId).setParameter("token", invalidToken).executeUpdate();
        if (cleared > 0) {
            LOG.info(() -> "Cleared the invalid push token of device " + deviceId);
        }
    }
}
