package org.carebridge.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.carebridge.device.Device;
import org.carebridge.device.DevicePlatform;
import org.carebridge.device.PushProvider;
import org.carebridge.messaging.MessagePriority;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * notifyUser on H2 through the real APNs provider against a stub: only devices that take push
 * are sent to, and a token the service reports invalid is cleared from the device.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private TestDatabase db;

    @BeforeAll
    void migrate() {
        db = TestDatabase.create(TestDatabase.Kind.H2);
    }

    @AfterAll
    void drop() {
        db.close();
    }

    private Device device(User user, String key, String token, boolean notifications) {
        return db.transaction(em -> {
            Device device = new Device(em.find(User.class, user.getId()), key, DevicePlatform.IOS, key, NOW);
            device.changePushToken(PushProvider.APNS, token);
            if (!notifications) {
                device.disableNotifications();
            }
            device.loggedIn(NOW);
            em.persist(device);
            return device;
        });
    }

    @Test
    void sendsToEveryActiveDeviceAndClearsATokenTheServiceRejects() throws Exception {
        User user = db.transaction(em -> {
            Organization org = new Organization(OrganizationKind.HOSPITAL, "Hospital " + UUID.randomUUID(),
                    PhoneNumber.parse("(408) 882-5830"), ZoneId.of("UTC"), NOW);
            em.persist(org);
            User u = User.nativeUser(org, UUID.randomUUID() + "@it.test", "Push", "Target", ZoneId.of("UTC"), NOW);
            em.persist(u);
            u.assignStaffId();
            return u;
        });
        Device good = device(user, "good", "good-token", true);
        Device stale = device(user, "stale", "stale-token", true);
        device(user, "muted", "muted-token", false);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        try (PushStub apns = new PushStub(request -> request.path().endsWith("/stale-token")
                ? new PushStub.Answer(410, "{\"reason\":\"Unregistered\"}") : new PushStub.Answer(200, null))) {
            ApnsPushProvider provider = new ApnsPushProvider(new ApnsPushProvider.Settings(apns.baseUrl(), "TEAM", "KEY",
                    "org.carebridge.app", generator.generateKeyPair().getPrivate()), Clock.fixed(NOW, ZoneOffset.UTC));
            PushService.Report report = db.transaction(em -> {
                PushService service = new PushService();
                service.em = em;
                service.self = service;
                service.providers = new PushProviders() {
                    @Override
                    public org.carebridge.push.PushProvider forDevice(Device device) {
                        return provider;
                    }
                };
                return service.notifyUser(user.getId(), PushNotification.newMessage(99L, MessagePriority.HIGH, 30));
            });
            assertEquals(new PushService.Report(1, 1, 0), report);
            assertEquals(2, apns.requests.size(), "the device with notifications off gets nothing");
            assertTrue(apns.requests.stream().noneMatch(r -> r.path().endsWith("/muted-token")));
        }
        Device cleared = db.transaction(em -> em.find(Device.class, stale.getId()));
        assertNull(cleared.getPushToken());
        assertEquals(PushProvider.NONE, cleared.getPushProvider());
        assertEquals(Device.STATUS_PUSH_NOT_ACTIVE, cleared.statusText());
        assertEquals("good-token", db.transaction(em -> em.find(Device.class, good.getId())).getPushToken());
    }

    @Test
    void theRecordingProviderKeepsWhatWouldHaveBeenSent() {
        RecordingPushProvider recording = new RecordingPushProvider(Clock.fixed(NOW, ZoneOffset.UTC));
        User owner = org.carebridge.TestEntities.user(org.carebridge.TestEntities.hospital(1), 10, "jane@hospital.example");
        Device device = new Device(owner, "k", DevicePlatform.ANDROID, null, NOW);
        device.changePushToken(PushProvider.FCM, "t");
        for (int i = 0; i < RecordingPushProvider.KEEP + 5; i++) {
            assertEquals(PushResult.Outcome.DELIVERED,
                    recording.send(device, PushNotification.newMessage(i, MessagePriority.NORMAL, 30)).outcome());
        }
        assertEquals(RecordingPushProvider.KEEP, recording.recorded().size());
        assertEquals("5", recording.recorded().get(0).notification().conversationId(), "the oldest are dropped");
        assertEquals("FCM", recording.recorded().get(0).service());
    }
}
