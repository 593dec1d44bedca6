package org.carebridge.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SharedKeyCipherTest {

    private static final String SHARED_KEY = "kJ3v9Zq0-shared-key-\u00e9\u00fc";

    private static byte[] key(int seed) {
        byte[] key = new byte[SharedKeyCipher.KEY_BYTES];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    private static byte[] decoded(String ciphertext) {
        return Base64.getDecoder().decode(ciphertext.substring("v1:".length()));
    }

    private static String encoded(byte[] data) {
        return "v1:" + Base64.getEncoder().encodeToString(data);
    }

    @Test
    void roundTrip() {
        SharedKeyCipher cipher = new SharedKeyCipher(key(1));
        String ciphertext = cipher.encrypt(SHARED_KEY);
        assertTrue(ciphertext.startsWith("v1:"));
        assertFalse(ciphertext.contains(SHARED_KEY));
        assertEquals(SHARED_KEY, cipher.decrypt(ciphertext));
        assertEquals(SHARED_KEY, new SharedKeyCipher(key(1)).decrypt(ciphertext), "another instance, same key");
    }

    @Test
    void ciphertextIsIvThenSealedTextThenTag() {
        String ciphertext = new SharedKeyCipher(key(1)).encrypt("abc");
        assertEquals(12 + 3 + 16, decoded(ciphertext).length);
    }

    @Test
    void everyEncryptionUsesAFreshIv() {
        SharedKeyCipher cipher = new SharedKeyCipher(key(1));
        Set<String> ivs = new HashSet<>();
        Set<String> ciphertexts = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String ciphertext = cipher.encrypt(SHARED_KEY);
            ciphertexts.add(ciphertext);
            ivs.add(Base64.getEncoder().encodeToString(Arrays.copyOf(decoded(ciphertext), 12)));
        }
        assertEquals(100, ivs.size());
        assertEquals(100, ciphertexts.size());
    }

    @Test
    void anyAlteredByteIsDetected() {
        SharedKeyCipher cipher = new SharedKeyCipher(key(1));
        byte[] data = decoded(cipher.encrypt(SHARED_KEY));
        for (int i = 0; i < data.length; i++) {
            byte[] tampered = data.clone();
            tampered[i] ^= 0x01;
            int position = i;
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> cipher.decrypt(encoded(tampered)), () -> "byte " + position);
            assertTrue(refused.getMessage().contains("altered"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> cipher.decrypt(encoded(Arrays.copyOf(data, data.length - 1))), "truncated");
    }

    @Test
    void theWrongKeyIsRefused() {
        String ciphertext = new SharedKeyCipher(key(1)).encrypt(SHARED_KEY);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new SharedKeyCipher(key(2)).decrypt(ciphertext));
        assertTrue(refused.getMessage().contains("different key-encryption key"), refused.getMessage());
    }

    @Test
    void unknownFormatsAreRefused() {
        SharedKeyCipher cipher = new SharedKeyCipher(key(1));
        String ciphertext = cipher.encrypt(SHARED_KEY);
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt("v2:" + ciphertext.substring(3)));
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(ciphertext.substring(3)));
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt("v1:not base64!"));
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(
                new byte[27])), "shorter than iv and tag");
    }

    @Test
    void theKeyEncryptionKeyMustBe256Bits() {
        assertThrows(IllegalArgumentException.class, () -> new SharedKeyCipher(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> new SharedKeyCipher(new byte[33]));
    }

    @Test
    void theCipherKeepsItsOwnCopyOfTheKey() {
        byte[] key = key(1);
        SharedKeyCipher cipher = new SharedKeyCipher(key);
        String ciphertext = cipher.encrypt(SHARED_KEY);
        Arrays.fill(key, (byte) 0);
        assertEquals(SHARED_KEY, cipher.decrypt(ciphertext));
        assertNotEquals(ciphertext, cipher.encrypt(SHARED_KEY));
    }
}
