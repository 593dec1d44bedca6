package org.carebridge.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Absolute links to the application for mails, built on {@code carebridge.public-base-url}
 * (the address people reach through the load balancer, never the node's own address).
 */
@ApplicationScoped
public class PublicLinks {

    @Inject
    @ConfigProperty(name = "carebridge.public-base-url", defaultValue = "http://127.0.0.1:8080")
    String baseUrl;

    /** {@code path} starts with a slash; the token is URL-encoded. */
    public String withToken(String path, String token) {
        return base() + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public String page(String path) {
        return base() + path;
    }

    public boolean isHttps() {
        return base().startsWith("https://");
    }

    private String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
