package org.carebridge.it;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** Calls of the client API for in-container tests: one request shape, the bearer token, JSON bodies. */
final class ClientApi {

    private final HttpClient http;
    private final String base;

    ClientApi(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** {@code method path} with an optional bearer token and a JSON body (or none). */
    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return call(method, path, token, body == null ? null : "application/json", body);
    }

    /** The same with any content type, for tests of what the API refuses. */
    HttpResponse<String> call(String method, String path, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
