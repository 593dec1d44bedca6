package org.carebridge.push;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.json.JsonObject;

import org.carebridge.device.Device;
import org.carebridge.device.DevicePlatform;
import org.carebridge.device.PushProvider;
import org.carebridge.messaging.MessagePriority;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * APNs against a loopback stub. The stub speaks HTTP/1.1 (the JDK's server): the provider asks
 * for HTTP/2, which it gets from Apple over TLS (ALPN), and falls back to HTTP/1.1 on a plain
 * http:// stub. The request format (path, headers, JWT, body) is the same either way.
 */
class ApnsPushProviderTest {

    private static KeyPair key;
    private final Device device = device("a1b2c3d4e5f6");

    @BeforeAll
    static void signingKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        key = generator.generateKeyPair();
    }

    private static Device device(String token) {
        Device device = new Device(user(hospital(1), 10, "jane@hospital.example"), "install-1", DevicePlatform.IOS, null, NOW);
        device.changePushToken(PushProvider.APNS, token);
        return device;
    }

    private static ApnsPushProvider provider(PushStub stub, Clock clock) {
        return new ApnsPushProvider(new ApnsPushProvider.Settings(stub.baseUrl(), "TEAM123456", "KEY7654321",
                "org.carebridge.app", key.getPrivate()), clock);
    }

    @Test
    void sendsTheGenericAlertWithASignedProviderToken() throws Exception {
        try (PushStub apns = new PushStub(request -> new PushStub.Answer(200, null))) {
            PushResult result = provider(apns, Clock.fixed(NOW, ZoneOffset.UTC))
                    .send(device, PushNotification.newMessage(4711L, MessagePriority.HIGH, 30));
            assertEquals(PushResult.Outcome.DELIVERED, result.outcome());

            PushStub.Request request = apns.requests.get(0);
            assertEquals("POST", request.method());
            assertEquals("/3/device/a1b2c3d4e5f6", request.path());
            assertEquals("org.carebridge.app", request.headers().get("apns-topic"));
            assertEquals("alert", request.headers().get("apns-push-type"));
            assertEquals("10", request.headers().get("apns-priority"));
            String authorization = request.headers().get("authorization");
            assertTrue(authorization.startsWith("bearer "), authorization);
            JwtCheck jwt = JwtCheck.of(authorization.substring("bearer ".length()), key.getPublic());
            assertTrue(jwt.signatureValid(), "ES256 signature verifies with the key's public half");
            assertEquals("ES256", jwt.header().getString("alg"));
            assertEquals("KEY7654321", jwt.header().getString("kid"));
            assertEquals("TEAM123456", jwt.claims().getString("iss"));
            assertEquals(NOW.getEpochSecond(), jwt.claims().getJsonNumber("iat").longValue());

            JsonObject body = JwtCheck.body(request.body());
            assertEquals(PushNotification.ALERT, body.getJsonObject("aps").getJsonObject("alert").getString("body"));
            assertEquals("4711", body.getString("conversationId"));
            assertEquals("HIGH", body.getString("priority"));
            assertEquals(30, body.getInt("soundSeconds"));
            assertEquals(java.util.Set.of("aps", "conversationId", "priority", "soundSeconds"), body.keySet(),
                    "nothing but the generic alert and the routing keys");
        }
    }

    @Test
    void normalPriorityMayWaitAndCarriesNoSoundLength() throws Exception {
        try (PushStub apns = new PushStub(request -> new PushStub.Answer(200, null))) {
            provider(apns, Clock.fixed(NOW, ZoneOffset.UTC)).send(device, PushNotification.newMessage(5L, MessagePriority.NORMAL, 30));
            PushStub.Request request = apns.requests.get(0);
            assertEquals("5", request.headers().get("apns-priority"));
            assertFalse(JwtCheck.body(request.body()).containsKey("soundSeconds"));
        }
    }

    @Test
    void unregisteredAndBadTokensAreReportedInvalidOtherRefusalsAreFailures() {
        try (PushStub apns = new PushStub(request -> switch (request.path()) {
            case "/3/device/gone" -> new PushStub.Answer(410, "{\"reason\":\"Unregistered\",\"timestamp\":1700000000000}");
            case "/3/device/bad" -> new PushStub.Answer(400, "{\"reason\":\"BadDeviceToken\"}");
            case "/3/device/busy" -> new PushStub.Answer(429, "{\"reason\":\"TooManyRequests\"}");
            default -> new PushStub.Answer(400, "{\"reason\":\"BadTopic\"}");
        })) {
            ApnsPushProvider provider = provider(apns, Clock.fixed(NOW, ZoneOffset.UTC));
            PushNotification n = PushNotification.newMessage(1L, MessagePriority.NORMAL, 30);
            PushResult gone = provider.send(device("gone"), n);
            assertEquals(PushResult.Outcome.INVALID_TOKEN, gone.outcome());
            assertEquals("Unregistered", gone.reason());
            assertEquals(PushResult.Outcome.INVALID_TOKEN, provider.send(device("bad"), n).outcome());
            assertEquals(PushResult.Outcome.FAILED, provider.send(device("busy"), n).outcome());
            assertEquals(PushResult.Outcome.FAILED, provider.send(device("other"), n).outcome());
        }
    }

    @Test
    void theProviderTokenIsReusedUntilItIsDueForRenewal() {
        try (PushStub apns = new PushStub(request -> new PushStub.Answer(200, null))) {
            MutableClock clock = new MutableClock();
            ApnsPushProvider provider = provider(apns, clock);
            PushNotification n = PushNotification.newMessage(1L, MessagePriority.NORMAL, 30);
            provider.send(device, n);
            clock.now = NOW.plus(Duration.ofMinutes(20));
            provider.send(device, n);
            clock.now = NOW.plus(Duration.ofMinutes(51));
            provider.send(device, n);
            String first = apns.requests.get(0).headers().get("authorization");
            assertEquals(first, apns.requests.get(1).headers().get("authorization"));
            assertFalse(first.equals(apns.requests.get(2).headers().get("authorization")), "renewed after 50 minutes");
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        java.time.Instant now = NOW;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
