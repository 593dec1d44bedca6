package org.carebridge.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import jakarta.json.JsonObject;

/** The few JSON Web Token pieces push needs: compact signing with ES256 (APNs) or RS256 (Google OAuth). */
final class Jwts {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {
    }

    /** {@code header.claims.signature}; ES256 signatures are the raw 64-byte R||S form JWS requires. */
    static String sign(JsonObject header, JsonObject claims, PrivateKey key) {
        String alg = header.getString("alg");
        String signingInput = encode(header.toString()) + "." + encode(claims.toString());
        try {
            Signature signature = Signature.getInstance(switch (alg) {
                case "ES256" -> "SHA256withECDSAinP1363Format";
                case "RS256" -> "SHA256withRSA";
                default -> throw new IllegalArgumentException("Unsupported JWT algorithm " + alg);
            });
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing the " + alg + " token failed", e);
        }
    }

    /** A PKCS#8 private key in PEM ("-----BEGIN PRIVATE KEY-----"), as in an APNs .p8 file or a service-account JSON. */
    static PrivateKey privateKey(String pem, String algorithm) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Not a PKCS#8 " + algorithm + " private key", e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
