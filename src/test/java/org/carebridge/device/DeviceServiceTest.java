package org.carebridge.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.carebridge.access.ClientSession;
import org.carebridge.access.NotInScopeException;
import org.carebridge.access.TestAccess;
import org.carebridge.audit.TestAudit;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The administrator's device controls, on PostgreSQL: the whole life of a device, and other users' devices refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private TestDatabase db;

    @BeforeAll
    void migrate() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    }

    @AfterAll
    void drop() {
        db.close();
    }

    private <T> T service(Function<DeviceService, T> work) {
        return db.transaction(em -> work.apply(serviceOn(em)));
    }

    private static DeviceService serviceOn(EntityManager em) {
        DeviceService service = new DeviceService();
        service.em = em;
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.audit = TestAudit.trail(em, service.clock, TestAccess.signedOut());
        return service;
    }

    private User userWithDevice() {
        return db.transaction(em -> {
            Organization org = new Organization(OrganizationKind.HOSPITAL, "Hospital " + UUID.randomUUID(),
                    PhoneNumber.parse("(408) 882-5830"), ZoneId.of("UTC"), NOW);
            em.persist(org);
            User user = User.nativeUser(org, UUID.randomUUID() + "@it.test", "Dee", "Vice", ZoneId.of("UTC"), NOW);
            em.persist(user);
            user.assignStaffId();
            Device device = new Device(user, "key-" + UUID.randomUUID(), DevicePlatform.ANDROID, "Pixel", NOW);
            device.changePushToken(PushProvider.FCM, "token");
            device.loggedIn(NOW);
            em.persist(device);
            return user;
        });
    }

    @Test
    void notificationsWipeAndDeleteFollowTheDevicesOwnRules() {
        User user = userWithDevice();
        Long id = service(s -> s.devicesOf(user)).get(0).getId();
        assertEquals(Device.STATUS_PUSH_NOT_ACTIVE, service(s -> s.disableNotifications(user, id)).statusText());
        assertEquals(Device.STATUS_PUSH_ACTIVE, service(s -> s.enableNotifications(user, id)).statusText());
        assertThrows(IllegalStateException.class, () -> db.run(em -> serviceOn(em).deleteInfo(user, id)),
                "only a wiped device's information can be deleted");
        assertEquals(Device.STATUS_WIPE_REQUESTED, service(s -> s.requestWipe(user, id)).statusText());
        db.run(em -> em.find(Device.class, id).confirmWiped(NOW.plusSeconds(60)));
        db.run(em -> serviceOn(em).deleteInfo(user, id));
        assertTrue(service(s -> s.devicesOf(user)).isEmpty());
        assertEquals(4L, (long) db.transaction(em -> em.createQuery(
                "select count(e) from AuditEvent e where e.targetType = 'Device' and e.targetId = :id", Long.class)
                .setParameter("id", String.valueOf(id)).getSingleResult()));
    }

    @Test
    void anotherUsersDeviceIsNotFound() {
        User mine = userWithDevice();
        User theirs = userWithDevice();
        Long theirDevice = service(s -> s.devicesOf(theirs)).get(0).getId();
        assertThrows(NotInScopeException.class, () -> service(s -> s.disableNotifications(mine, theirDevice)));
        assertThrows(NotInScopeException.class, () -> service(s -> s.requestWipe(mine, theirDevice)));
        assertThrows(NotInScopeException.class, () -> service(s -> s.requestWipe(mine, null)));
        assertTrue(service(s -> s.devicesOf(theirs)).get(0).isNotificationsEnabled());
    }

    @Test
    void theOwnDeviceListShowsOnlyTheUsersDevicesAndWhichAreSignedIn() {
        User user = userWithDevice();
        User other = userWithDevice();
        Long pixel = service(s -> s.devicesOf(user)).get(0).getId();
        Long browser = db.transaction(em -> {
            Device web = new Device(em.find(User.class, user.getId()), "key-" + UUID.randomUUID(), DevicePlatform.WEB,
                    null, NOW);
            web.loggedIn(NOW.plusSeconds(30));
            em.persist(web);
            em.persist(new ClientSession(web, "hash-" + UUID.randomUUID(), NOW, Duration.ofHours(1)));
            ClientSession ended = new ClientSession(em.find(Device.class, pixel), "hash-" + UUID.randomUUID(), NOW,
                    Duration.ofHours(1));
            ended.revoke(NOW);
            em.persist(ended);
            return web.getId();
        });

        List<OwnDevice> devices = service(s -> s.ownDevices(user, browser));
        assertEquals(List.of(browser, pixel), devices.stream().map(OwnDevice::id).toList(), "most recently active first");
        OwnDevice web = devices.get(0);
        assertEquals("Web browser", web.name());
        assertEquals("web", web.platform());
        assertTrue(web.signedIn() && web.current());
        assertFalse(devices.get(1).signedIn(), "its only session was ended");
        assertFalse(devices.get(1).current());

        List<OwnDevice> others = service(s -> s.ownDevices(other, browser));
        assertEquals(1, others.size(), "another user's list never holds this user's devices");
        assertFalse(others.get(0).current(), "a device id of another user marks nothing");
    }
}
