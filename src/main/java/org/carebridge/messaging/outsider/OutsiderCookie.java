package org.carebridge.messaging.outsider;

/**
 * The non-user session cookie as a {@code Set-Cookie} value: HttpOnly (no script reads it),
 * SameSite=Strict (no other site's page can send it along), Secure over HTTPS, and only for the
 * page's API path, so it never reaches the rest of the application. No expiry attribute: it
 * lasts until the browser closes, and the server ends the session after the idle time anyway.
 */
final class OutsiderCookie {

    private OutsiderCookie() {
    }

    static String path(String contextPath) {
        return contextPath + "/api/v1/outsider";
    }

    static String of(String token, String contextPath, boolean secure) {
        return OutsiderAccess.COOKIE + "=" + token + "; Path=" + path(contextPath) + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    static String removal(String contextPath, boolean secure) {
        return OutsiderAccess.COOKIE + "=; Path=" + path(contextPath) + "; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }
}
