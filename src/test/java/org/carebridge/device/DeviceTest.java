package org.carebridge.device;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carebridge.user.User;
import org.junit.jupiter.api.Test;

class DeviceTest {

    private final User user = user(hospital(1), 10, "jane@hospital.example");

    private Device phone() {
        Device device = new Device(user, "install-1", DevicePlatform.IOS, "Jane's iPhone", NOW);
        device.changePushToken(PushProvider.APNS, "apns-token");
        return device;
    }

    @Test
    void aDeviceNeverSignedInOnIsLoggedOut() {
        Device device = phone();
        assertFalse(device.hasLoggedIn());
        assertEquals("Logged out", device.statusText());
    }

    @Test
    void statusTextsAreTheConsoleTexts() {
        Device device = phone();
        device.loggedIn(NOW.plusSeconds(1));
        assertEquals("Device is active. Push notification active.", device.statusText());

        device.disableNotifications();
        assertEquals("Device is active. Push notifications not active.", device.statusText());
        device.enableNotifications();
        assertEquals("Device is active. Push notification active.", device.statusText());

        device.requestWipe(NOW.plusSeconds(2));
        assertEquals("Remote wipe requested.", device.statusText());
        device.confirmWiped(NOW.plusSeconds(3));
        assertEquals("Device wiped.", device.statusText());
    }

    @Test
    void withoutAPushTokenNotificationsAreNotActive() {
        Device browser = new Device(user, "browser-1", DevicePlatform.WEB, " ", NOW);
        browser.loggedIn(NOW);
        assertEquals("Web browser", browser.getName(), "an unnamed device is called by its platform");
        assertFalse(browser.isPushActive());
        assertEquals(Device.STATUS_PUSH_NOT_ACTIVE, browser.statusText());
    }

    @Test
    void pushTokensNeedTheirService() {
        Device device = phone();
        assertThrows(IllegalArgumentException.class, () -> device.changePushToken(PushProvider.NONE, "token"));
        assertThrows(IllegalArgumentException.class, () -> device.changePushToken(PushProvider.FCM, " "));
        assertThrows(IllegalArgumentException.class, () -> device.changePushToken(PushProvider.FCM, "x".repeat(513)));
        device.changePushToken(PushProvider.NONE, null);
        assertNull(device.getPushToken());
        assertFalse(device.isPushActive());
    }

    @Test
    void deviceInfoCanOnlyBeDeletedAfterTheWipe() {
        Device device = phone();
        device.loggedIn(NOW);
        assertFalse(device.canDeleteInfo());
        device.requestWipe(NOW.plusSeconds(1));
        assertFalse(device.canDeleteInfo(), "requested is not yet wiped");
        device.confirmWiped(NOW.plusSeconds(2));
        assertTrue(device.canDeleteInfo());
    }

    @Test
    void wipeRequestsAndConfirmationsAreIdempotentButOrdered() {
        Device device = phone();
        assertEquals("No remote wipe was requested for this device.",
                assertThrows(IllegalStateException.class, () -> device.confirmWiped(NOW)).getMessage());

        device.requestWipe(NOW.plusSeconds(1));
        device.requestWipe(NOW.plusSeconds(2));
        assertEquals(NOW.plusSeconds(1), device.getWipeRequestedAt());

        device.confirmWiped(NOW.plusSeconds(3));
        device.confirmWiped(NOW.plusSeconds(4));
        assertEquals(NOW.plusSeconds(3), device.getWipedAt());
        assertNull(device.getPushToken(), "the push registration goes with the wipe");
        assertEquals(PushProvider.NONE, device.getPushProvider());

        assertThrows(IllegalStateException.class, () -> device.requestWipe(NOW.plusSeconds(5)));
    }

    @Test
    void notificationsCannotBeChangedWhileWiping() {
        Device device = phone();
        device.requestWipe(NOW);
        assertThrows(IllegalStateException.class, device::enableNotifications);
        assertThrows(IllegalStateException.class, device::disableNotifications);
    }

    @Test
    void signingInIsRefusedWhileAWipeIsPendingAndStartsOverAfterIt() {
        Device device = phone();
        device.loggedIn(NOW);
        device.disableNotifications();
        device.requestWipe(NOW.plusSeconds(1));
        assertThrows(IllegalStateException.class, () -> device.loggedIn(NOW.plusSeconds(2)));

        device.confirmWiped(NOW.plusSeconds(3));
        device.loggedIn(NOW.plusSeconds(4));
        assertEquals(WipeState.NONE, device.getWipeState());
        assertNull(device.getWipeRequestedAt());
        assertNull(device.getWipedAt());
        assertTrue(device.isNotificationsEnabled());
        assertEquals(NOW.plusSeconds(4), device.getLastLoginAt());
    }

    @Test
    void lastActivityNeverMovesBack() {
        Device device = phone();
        device.recordActivity(NOW.plusSeconds(10));
        device.recordActivity(NOW.plusSeconds(5));
        assertEquals(NOW.plusSeconds(10), device.getLastActivityAt());
    }

    @Test
    void aDeviceKeyIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new Device(user, " ", DevicePlatform.ANDROID, null, NOW));
        assertThrows(IllegalArgumentException.class,
                () -> new Device(user, "k".repeat(129), DevicePlatform.ANDROID, null, NOW));
    }
}
