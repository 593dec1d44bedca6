package org.carebridge.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The connector's proof that it holds the shared key, without sending it: the server sends a
 * fresh random challenge on every connection, the connector answers
 * {@code base64(HMAC-SHA256(key, challenge + integrationUserId))}. A challenge is used for one
 * answer only, so an answer recorded from one connection is worthless on the next.
 */
public final class SyncHandshake {

    public static final int CHALLENGE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SyncHandshake() {
    }

    /** A new challenge: 32 random bytes, URL-safe Base64 without padding (43 characters). */
    public static String newChallenge() {
        byte[] bytes = new byte[CHALLENGE_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new shared key for an integration: 48 random bytes (384 bits), URL-safe Base64 (64 characters). */
    public static String newSharedKey() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The answer a connector holding {@code sharedKey} gives to {@code challenge}. */
    public static String answer(String sharedKey, String challenge, String integrationUserId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] tag = mac.doFinal((challenge + integrationUserId).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required of every Java runtime", e);
        }
    }

    /** Whether {@code given} is the right answer, compared in constant time. */
    public static boolean verify(String sharedKey, String challenge, String integrationUserId, String given) {
        if (given == null) {
            return false;
        }
        byte[] expected = answer(sharedKey, challenge, integrationUserId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
    }
}
