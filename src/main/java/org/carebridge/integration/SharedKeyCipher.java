package org.carebridge.integration;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts integration shared keys at rest with AES-256-GCM under the server's 32-byte
 * key-encryption key, so a copy of the database alone does not reveal them. The text form is
 * {@code "v1:" + base64(iv || ciphertext || tag)}; the version prefix leaves room for another
 * algorithm or key later without guessing what a stored value is. Thread-safe.
 */
public final class SharedKeyCipher {

    public static final int KEY_BYTES = 32;
    private static final String V1 = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    // Binds each ciphertext to this use: the same key-encryption key used elsewhere cannot
    // have its ciphertexts passed off as shared keys.
    private static final byte[] ASSOCIATED_DATA = "carebridge:integration-shared-key:v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SharedKeyCipher(byte[] keyEncryptionKey) {
        Objects.requireNonNull(keyEncryptionKey, "keyEncryptionKey");
        if (keyEncryptionKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("The key-encryption key must be " + KEY_BYTES + " bytes (256 bits), not "
                    + keyEncryptionKey.length + ".");
        }
        this.key = new SecretKeySpec(keyEncryptionKey, "AES");
    }

    public String encrypt(String sharedKey) {
        Objects.requireNonNull(sharedKey, "sharedKey");
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] sealed = cipher.doFinal(sharedKey.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return V1 + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the value is not one this class wrote, was altered,
     *         or was encrypted under another key-encryption key
     */
    public String decrypt(String ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (!ciphertext.startsWith(V1)) {
            throw new IllegalArgumentException("Unknown shared key format; expected \"" + V1 + "\".");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(ciphertext.substring(V1.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The encrypted shared key is not valid Base64.", e);
        }
        if (data.length < IV_BYTES + TAG_BYTES) {
            throw new IllegalArgumentException("The encrypted shared key is too short.");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("The shared key could not be decrypted: it was altered or encrypted"
                    + " with a different key-encryption key.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }
}
