package org.carebridge.push;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonException;

import org.carebridge.device.Device;

/**
 * Apple Push Notification service over HTTP/2 with token-based authentication: every request
 * carries an ES256 JWT (key id + team id, signed with the .p8 key), renewed every
 * {@link #TOKEN_RENEWAL} as Apple asks (not more often than every 20 minutes, at most one hour old).
 */
public class ApnsPushProvider implements PushProvider {

    private static final Logger LOG = Logger.getLogger(ApnsPushProvider.class.getName());
    static final Duration TOKEN_RENEWAL = Duration.ofMinutes(50);

    /** What APNs needs to know about us. {@code baseUrl}: https://api.push.apple.com or the sandbox. */
    public record Settings(URI baseUrl, String teamId, String keyId, String topic, PrivateKey signingKey) {
        public Settings {
            Objects.requireNonNull(baseUrl, "push.apns.base-url");
            Objects.requireNonNull(teamId, "push.apns.team-id");
            Objects.requireNonNull(keyId, "push.apns.key-id");
            Objects.requireNonNull(topic, "push.apns.topic");
            Objects.requireNonNull(signingKey, "push.apns.key-file");
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;
    private String providerToken;
    private Instant providerTokenIssuedAt;

    public ApnsPushProvider(Settings settings, Clock clock) {
        this(settings, HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(10)).build(), clock);
    }

    ApnsPushProvider(Settings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public PushResult send(Device target, PushNotification notification) {
        String deviceToken = target.getPushToken();
        HttpRequest request = HttpRequest.newBuilder(settings.baseUrl().resolve(
                        "/3/device/" + URLEncoder.encode(deviceToken, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(15))
                .header("authorization", "bearer " + providerToken())
                .header("apns-topic", settings.topic())
                .header("apns-push-type", "alert")
                // 10: deliver at once (high priority); 5: may be delayed to save the device's power.
                .header("apns-priority", notification.isHighPriority() ? "10" : "5")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload(notification).toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warning(() -> "APNs unreachable for device " + target.getId() + ": " + e);
            return PushResult.failed(0, "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushResult.failed(0, "interrupted");
        }
        int status = response.statusCode();
        if (status == 200) {
            return PushResult.delivered(status);
        }
        String reason = reason(response.body());
        if (status == 410 || (status == 400 && ("BadDeviceToken".equals(reason) || "DeviceTokenNotForTopic".equals(reason)))) {
            LOG.info(() -> "APNs reports the token of device " + target.getId() + " invalid (" + status + " " + reason + ")");
            return PushResult.invalidToken(status, reason);
        }
        if (status == 403 && ("ExpiredProviderToken".equals(reason) || "InvalidProviderToken".equals(reason))) {
            forgetProviderToken();
        }
        LOG.warning(() -> "APNs refused a notification for device " + target.getId() + ": " + status + " " + reason);
        return PushResult.failed(status, reason);
    }

    /** The APNs payload: the generic alert, and our keys beside "aps" for the app. */
    static JsonObject payload(PushNotification notification) {
        JsonObjectBuilder aps = Json.createObjectBuilder()
                .add("alert", Json.createObjectBuilder().add("title", PushNotification.TITLE)
                        .add("body", PushNotification.ALERT))
                .add("sound", "default");
        if (notification.isHighPriority()) {
            aps.add("interruption-level", "time-sensitive");
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("aps", aps)
                .add("conversationId", notification.conversationId())
                .add("priority", notification.priority().name());
        if (notification.soundSeconds() != null) {
            body.add("soundSeconds", notification.soundSeconds());
        }
        return body.build();
    }

    private synchronized String providerToken() {
        Instant now = clock.instant();
        if (providerToken == null || !now.isBefore(providerTokenIssuedAt.plus(TOKEN_RENEWAL))) {
            providerToken = Jwts.sign(
                    Json.createObjectBuilder().add("alg", "ES256").add("kid", settings.keyId()).build(),
                    Json.createObjectBuilder().add("iss", settings.teamId()).add("iat", now.getEpochSecond()).build(),
                    settings.signingKey());
            providerTokenIssuedAt = now;
        }
        return providerToken;
    }

    private synchronized void forgetProviderToken() {
        providerToken = null;
    }

    /** APNs explains refusals as {"reason": "..."}. */
    private static String reason(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            return json.getString("reason", null);
        } catch (JsonException | ClassCastException | IllegalStateException e) {
            return null;
        }
    }
}
