package de.ozgsdk.sandbox.fitconnect.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.HexFormat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;

/**
 * A JWE the sender uploaded (metadata, data or an attachment), checked for its structure only: the mock cannot
 * decrypt, as the real delivery service cannot. It keeps the authentication tag for comparison with the subscriber's
 * {@code accept-submission} event.
 *
 * @param compact the JWE compact serialisation as received
 * @param kid the {@code kid} of the key it was encrypted for
 * @param authenticationTag the fifth part, base64url
 */
public record EncryptedPart(String compact, String kid, String authenticationTag) {

    /**
     * Parses a JWE compact serialisation and checks {@code alg RSA-OAEP-256}, {@code enc A256GCM} and a {@code kid}.
     *
     * @param what names the part in the error ({@code encryptedMetadata}, {@code attachment <id>})
     * @throws Problem 400 naming what is wrong
     */
    public static EncryptedPart parse(String compact, String what) {
        String text = compact.strip();
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(text);
        } catch (ParseException e) {
            throw Problem.badRequest("invalid-jwe", what + " is not a JWE in compact serialisation (five base64url"
                    + " parts separated by dots): " + e.getMessage());
        }
        if (!JWEAlgorithm.RSA_OAEP_256.equals(jwe.getHeader().getAlgorithm())) {
            throw Problem.badRequest("invalid-jwe", what + " must be encrypted with alg RSA-OAEP-256, not "
                    + jwe.getHeader().getAlgorithm());
        }
        if (!EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
            throw Problem.badRequest("invalid-jwe", what + " must use enc A256GCM, not "
                    + jwe.getHeader().getEncryptionMethod());
        }
        if (jwe.getHeader().getKeyID() == null) {
            throw Problem.badRequest("invalid-jwe", what + " has no kid: name the destination's encryption key");
        }
        if (jwe.getAuthTag() == null || jwe.getAuthTag().toString().isEmpty()) {
            throw Problem.badRequest("invalid-jwe", what + " has no authentication tag");
        }
        return new EncryptedPart(text, jwe.getHeader().getKeyID(), jwe.getAuthTag().toString());
    }

    /** The size in bytes of the compact serialisation. */
    public int size() {
        return compact.length();
    }

    /** SHA-256 of the compact serialisation, hex: what the masked record keeps instead of the body. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(compact.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
