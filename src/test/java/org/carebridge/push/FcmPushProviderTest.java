package org.carebridge.push;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.carebridge.device.Device;
import org.carebridge.device.DevicePlatform;
import org.carebridge.device.PushProvider;
import org.carebridge.messaging.MessagePriority;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FCM HTTP v1 against a loopback stub of Google's OAuth token endpoint and the send endpoint. */
class FcmPushProviderTest {

    private static KeyPair key;
    private static final String ACCESS_TOKEN = "ya29.stub-access-token";

    @BeforeAll
    static void serviceAccountKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
    }

    /** A service-account JSON file as Google hands it out, pointing at the stub's token endpoint. */
    private static String serviceAccount(PushStub stub) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return Json.createObjectBuilder().add("type", "service_account").add("project_id", "carebridge-test")
                .add("private_key_id", "abc123").add("private_key", pem)
                .add("client_email", "push@carebridge-test.iam.gserviceaccount.com")
                .add("token_uri", stub.baseUrl() + "/token").build().toString();
    }

    private static FcmPushProvider provider(PushStub stub) {
        return new FcmPushProvider(FcmPushProvider.Settings.fromServiceAccount(serviceAccount(stub), stub.baseUrl(), null, null),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Device device(String token) {
        Device device = new Device(user(hospital(1), 10, "jane@hospital.example"), "install-2", DevicePlatform.ANDROID, null, NOW);
        device.changePushToken(PushProvider.FCM, token);
        return device;
    }

    /** Answers like Google: a token for a valid assertion, then per device token. */
    private static PushStub.Answer google(PushStub.Request request) {
        if (request.path().equals("/token")) {
            return new PushStub.Answer(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
        }
        String token = JwtCheck.body(request.body()).getJsonObject("message").getString("token");
        return switch (token) {
            case "unregistered" -> new PushStub.Answer(404, """
                    {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND",
                      "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNREGISTERED"}]}}""");
            case "malformed" -> new PushStub.Answer(400, """
                    {"error": {"code": 400, "message": "The registration token is not a valid FCM registration token",
                      "status": "INVALID_ARGUMENT", "details": [
                        {"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "INVALID_ARGUMENT"},
                        {"@type": "type.googleapis.com/google.rpc.BadRequest",
                         "fieldViolations": [{"field": "message.token", "description": "Invalid registration token"}]}]}}""");
            case "unavailable" -> new PushStub.Answer(503, """
                    {"error": {"code": 503, "message": "The service is currently unavailable.", "status": "UNAVAILABLE",
                      "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNAVAILABLE"}]}}""");
            default -> new PushStub.Answer(200, "{\"name\": \"projects/carebridge-test/messages/0:1500415314455276%31bd1c9631bd1c96\"}");
        };
    }

    @Test
    void exchangesASignedAssertionForAnAccessTokenAndSendsTheGenericNotification() throws Exception {
        try (PushStub fcm = new PushStub(FcmPushProviderTest::google)) {
            FcmPushProvider provider = provider(fcm);
            assertEquals(PushResult.Outcome.DELIVERED,
                    provider.send(device("device-token-1"), PushNotification.newMessage(812L, MessagePriority.HIGH, 45)).outcome());
            assertEquals(PushResult.Outcome.DELIVERED,
                    provider.send(device("device-token-2"), PushNotification.newMessage(813L, MessagePriority.NORMAL, 45)).outcome());
            assertEquals(3, fcm.requests.size(), "the access token is fetched once and reused");

            PushStub.Request tokenRequest = fcm.requests.get(0);
            assertEquals("/token", tokenRequest.path());
            assertEquals("application/x-www-form-urlencoded", tokenRequest.headers().get("content-type"));
            Map<String, String> form = java.util.Arrays.stream(tokenRequest.body().split("&"))
                    .map(pair -> pair.split("=", 2)).collect(Collectors.toMap(p -> p[0],
                            p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
            assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", form.get("grant_type"));
            JwtCheck assertion = JwtCheck.of(form.get("assertion"), key.getPublic());
            assertTrue(assertion.signatureValid(), "RS256 signature verifies with the service account's public key");
            assertEquals("push@carebridge-test.iam.gserviceaccount.com", assertion.claims().getString("iss"));
            assertEquals(FcmPushProvider.SCOPE, assertion.claims().getString("scope"));
            assertEquals(fcm.baseUrl() + "/token", assertion.claims().getString("aud"));
            assertEquals(NOW.getEpochSecond() + 3600, assertion.claims().getJsonNumber("exp").longValue());

            PushStub.Request send = fcm.requests.get(1);
            assertEquals("POST", send.method());
            assertEquals("/v1/projects/carebridge-test/messages:send", send.path());
            assertEquals("Bearer " + ACCESS_TOKEN, send.headers().get("authorization"));
            JsonObject message = JwtCheck.body(send.body()).getJsonObject("message");
            assertEquals("device-token-1", message.getString("token"));
            assertEquals(PushNotification.ALERT, message.getJsonObject("notification").getString("body"));
            assertEquals(Json.createObjectBuilder().add("conversationId", "812").add("priority", "HIGH")
                    .add("soundSeconds", "45").build(), message.getJsonObject("data"));
            assertEquals("HIGH", message.getJsonObject("android").getString("priority"));
            assertEquals(java.util.Set.of("token", "notification", "data", "android"), message.keySet());
        }
    }

    @Test
    void unregisteredAndInvalidTokensAreReportedInvalidOutagesAreFailures() {
        try (PushStub fcm = new PushStub(FcmPushProviderTest::google)) {
            FcmPushProvider provider = provider(fcm);
            PushNotification n = PushNotification.newMessage(1L, MessagePriority.NORMAL, 30);
            PushResult unregistered = provider.send(device("unregistered"), n);
            assertEquals(PushResult.Outcome.INVALID_TOKEN, unregistered.outcome());
            assertEquals("UNREGISTERED", unregistered.reason());
            assertEquals(PushResult.Outcome.INVALID_TOKEN, provider.send(device("malformed"), n).outcome());
            assertEquals(PushResult.Outcome.FAILED, provider.send(device("unavailable"), n).outcome());
        }
    }

    @Test
    void aRefusedServiceAccountIsAFailureNotAnInvalidToken() {
        try (PushStub fcm = new PushStub(request -> new PushStub.Answer(400, "{\"error\":\"invalid_grant\"}"))) {
            PushResult result = provider(fcm).send(device("device-token-1"),
                    PushNotification.newMessage(1L, MessagePriority.NORMAL, 30));
            assertEquals(PushResult.Outcome.FAILED, result.outcome());
            assertEquals(1, fcm.requests.size(), "nothing is sent without an access token");
        }
    }
}
