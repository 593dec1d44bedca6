package org.carebridge.access;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.carebridge.device.Device;
import org.carebridge.device.DevicePlatform;
import org.carebridge.user.User;
import org.junit.jupiter.api.Test;

class ClientSessionTest {

    private final User user = user(hospital(1), 10, "jane@hospital.example");
    private final Device device = new Device(user, "install-1", DevicePlatform.ANDROID, null, NOW);

    @Test
    void belongsToTheDevicesUserAndExpires() {
        ClientSession session = new ClientSession(device, "hash", NOW, Duration.ofHours(12));
        assertSame(user, session.getUser());
        assertTrue(session.isActive(NOW.plus(Duration.ofHours(12)).minusMillis(1)));
        assertFalse(session.isActive(NOW.plus(Duration.ofHours(12))));
    }

    @Test
    void revokingEndsItOnce() {
        ClientSession session = new ClientSession(device, "hash", NOW, Duration.ofHours(12));
        session.revoke(NOW.plusSeconds(5));
        session.revoke(NOW.plusSeconds(9));
        assertFalse(session.isActive(NOW.plusSeconds(6)));
        assertEquals(NOW.plusSeconds(5), session.getRevokedAt());
    }

    @Test
    void lastUseNeverMovesBack() {
        ClientSession session = new ClientSession(device, "hash", NOW, Duration.ofHours(12));
        session.used(NOW.plusSeconds(10));
        session.used(NOW.plusSeconds(3));
        assertEquals(NOW.plusSeconds(10), session.getLastUsedAt());
    }

    @Test
    void noSessionWhileAWipeIsPending() {
        device.requestWipe(NOW);
        assertThrows(IllegalStateException.class, () -> new ClientSession(device, "hash", NOW, Duration.ofHours(1)));
    }

    @Test
    void theLifetimeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ClientSession(device, "hash", NOW, Duration.ZERO));
    }
}
