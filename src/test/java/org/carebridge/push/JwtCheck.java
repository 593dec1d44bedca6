package org.carebridge.push;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Reads a compact JWT and verifies its signature with the test's public key. */
record JwtCheck(JsonObject header, JsonObject claims, boolean signatureValid) {

    static JwtCheck of(String jwt, PublicKey key) throws Exception {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("Not a compact JWT: " + jwt);
        }
        JsonObject header = json(parts[0]);
        String algorithm = switch (header.getString("alg")) {
            case "ES256" -> "SHA256withECDSAinP1363Format";
            case "RS256" -> "SHA256withRSA";
            default -> throw new AssertionError("Unexpected alg " + header);
        };
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(key);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        boolean valid = verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        return new JwtCheck(header, json(parts[1]), valid);
    }

    static JsonObject json(String base64Url) {
        return Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(base64Url),
                StandardCharsets.UTF_8))).readObject();
    }

    static JsonObject body(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
