package org.carebridge.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class SyncHandshakeTest {

    private static final String KEY = "k3y-with-enough-entropy-for-a-test-0123456789abcdefghijklmnopqrst";
    private static final String ID = "cb-abcdefghijkmnpqrstuvwxyz";

    @Test
    void theAnswerIsHmacSha256OfChallengeFollowedByIdInBase64() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal(("challenge-1" + ID).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, SyncHandshake.answer(KEY, "challenge-1", ID));
        // A published vector, so other connector implementations can check theirs (docs/sync-protocol.md).
        assertEquals("xGxEH/g1TtxBQu9p4rmtnyx2P80VOPZYEM+cTlWualg=",
                SyncHandshake.answer("example-shared-key", "dGhpcy1pcy1hLWNoYWxsZW5nZQ", "cb-exampleid"));
    }

    @Test
    void onlyTheRightKeyForThisChallengeAndIdPasses() {
        String challenge = SyncHandshake.newChallenge();
        String answer = SyncHandshake.answer(KEY, challenge, ID);
        assertTrue(SyncHandshake.verify(KEY, challenge, ID, answer));
        assertFalse(SyncHandshake.verify(KEY + "x", challenge, ID, answer), "another key");
        assertFalse(SyncHandshake.verify(KEY, SyncHandshake.newChallenge(), ID, answer), "replayed on a new challenge");
        assertFalse(SyncHandshake.verify(KEY, challenge, ID + "x", answer), "another integration");
        assertFalse(SyncHandshake.verify(KEY, challenge, ID, null));
        assertFalse(SyncHandshake.verify(KEY, challenge, ID, ""));
        assertFalse(SyncHandshake.verify(KEY, challenge, ID, answer.substring(1)), "truncated");
        assertFalse(SyncHandshake.verify(KEY, challenge, ID, KEY), "the key itself is no answer");
    }

    @Test
    void challengesAndKeysAreFreshAndLong() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(SyncHandshake.newChallenge()));
        }
        String key = SyncHandshake.newSharedKey();
        assertEquals(64, key.length());
        assertNotEquals(key, SyncHandshake.newSharedKey());
        assertEquals(43, SyncHandshake.newChallenge().length());
    }
}
