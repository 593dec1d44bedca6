package org.carebridge.webclient;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebClientHeadersFilterTest {

    @Test
    void onlyThisOriginsFilesRunAndOnlyThisOriginIsContacted() {
        String policy = WebClientHeadersFilter.policy(false, "127.0.0.1:8080");
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        assertTrue(policy.contains("script-src 'self';") && policy.contains("style-src 'self';"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        assertTrue(policy.contains("connect-src 'self' ws://127.0.0.1:8080;"), "the event socket: " + policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    }

    @Test
    void httpsPagesUseASecureSocketAndAnOddHostIsLeftOut() {
        assertTrue(WebClientHeadersFilter.policy(true, "carebridge.example.org")
                .contains("connect-src 'self' wss://carebridge.example.org;"));
        assertTrue(WebClientHeadersFilter.policy(true, "evil.test; script-src *").contains("connect-src 'self';"));
        assertTrue(WebClientHeadersFilter.policy(true, null).contains("connect-src 'self';"));
    }
}
