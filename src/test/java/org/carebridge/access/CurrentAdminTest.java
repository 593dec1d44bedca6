package org.carebridge.access;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Proxy;

import jakarta.security.enterprise.SecurityContext;

import org.junit.jupiter.api.Test;

class CurrentAdminTest {

    /**
     * At start-up (demo data) and in timers there is no web request, and the container's
     * security context refuses to name a caller. Nobody is signed in then; the audit trail records
     * the system instead of failing the work (the embedded run's demo data failed this way).
     */
    @Test
    void outsideAWebRequestNobodyIsSignedIn() {
        CurrentAdmin admin = new CurrentAdmin();
        admin.security = (SecurityContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("Operation not allowed");
                });
        assertFalse(admin.isSignedIn());
        assertFalse(admin.isSystemAdmin());
    }
}
