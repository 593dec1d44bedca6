package org.carebridge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PasswordTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void resetLinksLastAnHourAndFirstPasswordLinksAWeek() {
        PasswordToken reset = new PasswordToken(null, PasswordTokenPurpose.RESET, "h1", NOW);
        assertTrue(reset.isUsable(NOW.plus(Duration.ofMinutes(59))));
        assertFalse(reset.isUsable(NOW.plus(Duration.ofHours(1))));
        PasswordToken first = new PasswordToken(null, PasswordTokenPurpose.FIRST_PASSWORD, "h2", NOW);
        assertTrue(first.isUsable(NOW.plus(Duration.ofDays(6))));
        assertFalse(first.isUsable(NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void aTokenWorksOnceAndRevokingEndsIt() {
        PasswordToken used = new PasswordToken(null, PasswordTokenPurpose.RESET, "h", NOW);
        used.markUsed(NOW.plusSeconds(5));
        assertFalse(used.isUsable(NOW.plusSeconds(6)));
        PasswordToken revoked = new PasswordToken(null, PasswordTokenPurpose.RESET, "h", NOW);
        revoked.revoke(NOW.plusSeconds(10));
        assertFalse(revoked.isUsable(NOW.plusSeconds(10)));
    }

    @Test
    void tokensAreRandomAndOnlyTheirHashIsKept() {
        String a = SecretTokens.newToken();
        String b = SecretTokens.newToken();
        assertNotEquals(a, b);
        assertEquals(43, a.length(), "256 bits, base64url without padding");
        assertTrue(a.matches("[A-Za-z0-9_-]+"));
        assertEquals(64, SecretTokens.hash(a).length());
        assertEquals(SecretTokens.hash(a), SecretTokens.hash(a));
        assertNotEquals(SecretTokens.hash(a), SecretTokens.hash(b));
    }

    @Test
    void thePasswordRuleIsAtLeastEightCharacters() {
        PasswordHasher.checkPasswordRule("12345678");
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.checkPasswordRule("1234567"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.checkPasswordRule(null));
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.checkPasswordRule("        "));
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.checkPasswordRule("x".repeat(201)));
    }
}
