package org.carebridge.integration;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntegrationTest {

    private Integration integration() {
        return new Integration(hospital(1), Integration.newIntegrationUserId(), "v1:sealed", NOW);
    }

    @Test
    void integrationUserIdsAreRandomAndEasyToCopy() {
        String id = Integration.newIntegrationUserId();
        assertTrue(id.matches("cb-[a-km-np-z2-9]{24}"), id);
        assertNotEquals(id, Integration.newIntegrationUserId());
    }

    @Test
    void startsEnabledAndNotConnected() {
        Integration integration = integration();
        assertTrue(integration.isEnabled());
        assertEquals(SystemKind.VOICE_ONLY, integration.getSystemKind());
        assertEquals(ConnectionState.NOT_CONNECTED, integration.connectionStateAt(NOW));
    }

    @Test
    void connectedOnlyWhileHeartbeatsKeepComing() {
        Integration integration = integration();
        integration.heartbeat(NOW);
        assertEquals(ConnectionState.CONNECTED, integration.connectionStateAt(NOW.plusSeconds(29)));
        assertEquals(ConnectionState.NOT_CONNECTED,
                integration.connectionStateAt(NOW.plus(Integration.HEARTBEAT_TIMEOUT)));
        assertEquals("Not Connected", integration.connectionStateAt(NOW.plusSeconds(60)).label());

        integration.heartbeat(NOW.plusSeconds(60));
        integration.disconnected();
        assertEquals(ConnectionState.NOT_CONNECTED, integration.connectionStateAt(NOW.plusSeconds(61)));
    }

    @Test
    void aDisabledIntegrationRefusesTheConnector() {
        Integration integration = integration();
        integration.heartbeat(NOW);
        integration.disable();
        assertFalse(integration.isEnabled());
        assertEquals(ConnectionState.NOT_CONNECTED, integration.connectionStateAt(NOW.plusSeconds(1)));
        assertThrows(IllegalStateException.class, () -> integration.heartbeat(NOW.plusSeconds(2)));
        integration.enable();
        integration.heartbeat(NOW.plusSeconds(3));
        assertEquals(ConnectionState.CONNECTED, integration.connectionStateAt(NOW.plusSeconds(4)));
    }

    @Test
    void theSharedKeyIsReplaceable() {
        Integration integration = integration();
        integration.replaceSharedKey("v1:other");
        assertEquals("v1:other", integration.getSharedKeyCiphertext());
        assertThrows(IllegalArgumentException.class, () -> integration.replaceSharedKey(" "));
    }
}
