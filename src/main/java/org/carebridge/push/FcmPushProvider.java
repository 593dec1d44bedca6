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
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.carebridge.device.Device;

/**
 * Firebase Cloud Messaging, HTTP v1 API. A service account's key signs an RS256 JWT that the
 * OAuth token endpoint exchanges for an access token (kept until shortly before it expires);
 * each message is one POST to {@code /v1/projects/<project>/messages:send}.
 */
public class FcmPushProvider implements PushProvider {

    private static final Logger LOG = Logger.getLogger(FcmPushProvider.class.getName());
    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final Duration EARLY_RENEWAL = Duration.ofMinutes(1);

    /**
     * What FCM needs: {@code baseUrl} https://fcm.googleapis.com, the OAuth {@code tokenUrl} and
     * the service account (its e-mail and key) from the service-account JSON file.
     */
    public record Settings(URI baseUrl, URI tokenUrl, String projectId, String clientEmail, PrivateKey signingKey) {
        public Settings {
            Objects.requireNonNull(baseUrl, "push.fcm.base-url");
            Objects.requireNonNull(tokenUrl, "push.fcm.token-url");
            Objects.requireNonNull(projectId, "push.fcm.project-id");
            Objects.requireNonNull(clientEmail, "client_email");
            Objects.requireNonNull(signingKey, "private_key");
        }

        /**
         * Reads a Google service-account JSON file's content; {@code baseUrl}, and optionally the
         * token URL and project id, come from configuration.
         */
        public static Settings fromServiceAccount(String json, URI baseUrl, URI tokenUrl, String projectId) {
            try (JsonReader reader = Json.createReader(new StringReader(json))) {
                JsonObject account = reader.readObject();
                return new Settings(baseUrl,
                        tokenUrl != null ? tokenUrl : URI.create(account.getString("token_uri", "https://oauth2.googleapis.com/token")),
                        projectId != null ? projectId : account.getString("project_id"),
                        account.getString("client_email"),
                        Jwts.privateKey(account.getString("private_key"), "RSA"));
            }
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;
    private String accessToken;
    private Instant accessTokenExpiresAt;

    public FcmPushProvider(Settings settings, Clock clock) {
        this(settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), clock);
    }

    FcmPushProvider(Settings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public PushResult send(Device target, PushNotification notification) {
        try {
            String token = accessToken();
            HttpRequest request = HttpRequest.newBuilder(settings.baseUrl().resolve("/v1/projects/"
                            + URLEncoder.encode(settings.projectId(), StandardCharsets.UTF_8) + "/messages:send"))
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(message(target.getPushToken(), notification).toString()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return PushResult.delivered(status);
            }
            JsonObject error = error(response.body());
            String code = errorCode(error);
            String reason = code != null ? code : error.getString("status", "HTTP " + status);
            if ("UNREGISTERED".equals(code) || (status == 400 && isTokenViolation(error))) {
                LOG.info(() -> "FCM reports the token of device " + target.getId() + " invalid (" + status + " " + reason + ")");
                return PushResult.invalidToken(status, reason);
            }
            if (status == 401) {
                forgetAccessToken();
            }
            LOG.warning(() -> "FCM refused a notification for device " + target.getId() + ": " + status + " " + reason);
            return PushResult.failed(status, reason);
        } catch (IOException e) {
            LOG.warning(() -> "FCM unreachable for device " + target.getId() + ": " + e);
            return PushResult.failed(0, "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushResult.failed(0, "interrupted");
        } catch (AccessTokenRefused e) {
            LOG.warning(() -> "The OAuth token endpoint refused Carebridge's service account: " + e.getMessage());
            return PushResult.failed(e.status, "oauth");
        }
    }

    /** The FCM v1 message: the generic notification plus string data for the app. */
    static JsonObject message(String deviceToken, PushNotification notification) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("conversationId", notification.conversationId())
                .add("priority", notification.priority().name());
        if (notification.soundSeconds() != null) {
            data.add("soundSeconds", String.valueOf(notification.soundSeconds()));
        }
        return Json.createObjectBuilder().add("message", Json.createObjectBuilder()
                .add("token", deviceToken)
                .add("notification", Json.createObjectBuilder().add("title", PushNotification.TITLE)
                        .add("body", PushNotification.ALERT))
                .add("data", data)
                .add("android", Json.createObjectBuilder().add("priority", notification.isHighPriority() ? "HIGH" : "NORMAL")))
                .build();
    }

    private synchronized String accessToken() throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (accessToken != null && now.isBefore(accessTokenExpiresAt.minus(EARLY_RENEWAL))) {
            return accessToken;
        }
        String assertion = Jwts.sign(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build(),
                Json.createObjectBuilder().add("iss", settings.clientEmail()).add("scope", SCOPE)
                        .add("aud", settings.tokenUrl().toString()).add("iat", now.getEpochSecond())
                        .add("exp", now.getEpochSecond() + 3600).build(),
                settings.signingKey());
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(settings.tokenUrl())
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AccessTokenRefused(response.statusCode());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject answer = reader.readObject();
            accessToken = answer.getString("access_token");
            accessTokenExpiresAt = now.plusSeconds(answer.getJsonNumber("expires_in").longValue());
        } catch (JsonException | NullPointerException | ClassCastException e) {
            throw new AccessTokenRefused(response.statusCode());
        }
        return accessToken;
    }

    private synchronized void forgetAccessToken() {
        accessToken = null;
    }

    /** {"error": {"code", "message", "status", "details": [...]}}, or an empty object. */
    private static JsonObject error(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            JsonValue error = reader.readObject().get("error");
            return error instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /** The FcmError detail's errorCode (UNREGISTERED, INVALID_ARGUMENT, ...). */
    private static String errorCode(JsonObject error) {
        for (JsonObject detail : details(error)) {
            if (detail.getString("@type", "").endsWith("FcmError") && detail.containsKey("errorCode")) {
                return detail.getString("errorCode");
            }
        }
        return null;
    }

    /** INVALID_ARGUMENT about the registration token itself (not some other field of ours). */
    private static boolean isTokenViolation(JsonObject error) {
        if (!"INVALID_ARGUMENT".equals(error.getString("status", null))) {
            return false;
        }
        for (JsonObject detail : details(error)) {
            JsonValue violations = detail.get("fieldViolations");
            if (violations instanceof JsonArray array) {
                for (JsonValue v : array) {
                    if (v instanceof JsonObject violation && "message.token".equals(violation.getString("field", null))) {
                        return true;
                    }
                }
            }
        }
        return error.getString("message", "").toLowerCase(java.util.Locale.ROOT).contains("registration token");
    }

    private static java.util.List<JsonObject> details(JsonObject error) {
        JsonValue details = error.get("details");
        if (!(details instanceof JsonArray array)) {
            return java.util.List.of();
        }
        return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }

    private static final class AccessTokenRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        AccessTokenRefused(int status) {
            super("HTTP " + status);
            this.status = status;
        }
    }
}
