package org.carebridge.audit;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.carebridge.organization.Organization;
import org.carebridge.user.User;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private final Organization hospital = hospital(1);
    private final User admin = user(hospital, 10, "admin@hospital.example");

    @Test
    void aUsersEventKeepsAReadableLabel() {
        AuditEvent event = AuditEvent.byUser(admin, hospital, "user.unlocked", "User", "11", null, NOW);
        assertSame(admin, event.getActor());
        assertEquals("Doe, Jane (100010)", event.getActorLabel());
        assertSame(hospital, event.getOrganization());
        assertEquals(NOW, event.getOccurredAt());
    }

    @Test
    void systemEventsHaveNoActorUser() {
        AuditEvent event = AuditEvent.bySystem(null, "retention.purged", null, null, "messages=3", NOW);
        assertNull(event.getActor());
        assertNull(event.getOrganization());
        assertEquals("System", event.getActorLabel());
    }

    @Test
    void aTargetNeedsBothTypeAndId() {
        assertThrows(IllegalArgumentException.class,
                () -> AuditEvent.bySystem(hospital, "sync.ran", "ImportRun", null, null, NOW));
        assertThrows(IllegalArgumentException.class,
                () -> AuditEvent.bySystem(hospital, "sync.ran", null, "5", null, NOW));
    }

    @Test
    void actionsAreShortCodes() {
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.bySystem(hospital, "user unlocked", null, null,
                null, NOW));
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.bySystem(hospital, "a".repeat(65), null, null,
                null, NOW));
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.bySystem(hospital, " ", null, null, null, NOW));
    }

    @Test
    void longDetailsAreCutToFit() {
        AuditEvent event = AuditEvent.bySystem(hospital, "sync.ran", null, null, "d".repeat(5000), NOW);
        assertEquals(AuditEvent.DETAILS_MAX, event.getDetails().length());
        assertEquals('\u2026', event.getDetails().charAt(AuditEvent.DETAILS_MAX - 1));
    }
}
