package org.carebridge.telephony;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The HTTP side shared by the voice and SMS implementations, in the shape of the widespread
 * REST telephony APIs: resources under {@code <base-url>/Accounts/<account>/}, form-encoded
 * POSTs, HTTP Basic with the account id and its auth token, and JSON answers with the created
 * resource's {@code sid}, or an error's numeric {@code code}. Never throws for a refusal or an
 * outage; answers it.
 */
final class ProviderHttp {

    /** Where and as whom to send. {@code timeout} bounds the connection and each whole request. */
    record Settings(URI baseUrl, String account, String token, Duration timeout) {
        Settings {
            Objects.requireNonNull(baseUrl, "base-url");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(timeout, "timeout");
            if (account.isBlank() || token.isBlank()) {
                throw new IllegalArgumentException("The account and its token must not be blank");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The timeout must be positive");
            }
        }

        @Override
        public String toString() {
            return "Settings[" + baseUrl + ", account " + account + "]";
        }
    }

    /** The service's answer, reduced to what callers act on. */
    sealed interface Answer {
        int status();
    }

    /** 2xx with the created resource's id ({@code sid}, or {@code id}; null if it sent neither). */
    record Accepted(int status, String id) implements Answer {
    }

    /** 4xx (but 408 and 429): this request is wrong or not allowed; {@code code} is the service's error code, if any. */
    record Refused(int status, String code) implements Answer {
    }

    /**
     * 5xx, 408, 429 (with the service's error code, if any), or no answer at all: status 0 and
     * "timeout", "connect-timeout" or "unreachable". May work later.
     */
    record Unavailable(int status, String reason) implements Answer {
    }

    private final Settings settings;
    private final HttpClient http;

    ProviderHttp(Settings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    }

    ProviderHttp(Settings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** POSTs {@code form} (in its order) to {@code <base-url>/Accounts/<account>/<resource>}. */
    Answer post(String resource, Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(resourceUri(resource))
                .timeout(settings.timeout())
                .header("Authorization", basic(settings.account(), settings.token()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            return new Unavailable(0, "connect-timeout");
        } catch (HttpTimeoutException e) {
            return new Unavailable(0, "timeout");
        } catch (IOException e) {
            return new Unavailable(0, "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable(0, "interrupted");
        }
        int status = response.statusCode();
        JsonObject body = json(response.body());
        if (status >= 200 && status < 300) {
            String id = text(body, "sid");
            return new Accepted(status, id != null ? id : text(body, "id"));
        }
        String code = text(body, "code");
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new Refused(status, code);
        }
        return new Unavailable(status, code);
    }

    URI resourceUri(String resource) {
        String base = settings.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "Accounts/"
                + URLEncoder.encode(settings.account(), StandardCharsets.UTF_8) + "/" + resource);
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String formBody(Map<String, String> form) {
        return new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonObject json(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /** A string or number member as text, at most 64 characters (it is stored), or null. */
    private static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        String text = value instanceof JsonString s ? s.getString()
                : value instanceof JsonNumber n ? n.toString() : null;
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.length() > 64 ? text.substring(0, 64) : text;
    }
}
