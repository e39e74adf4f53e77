package de.ozgsdk.transfer.fitconnect.internal;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.PrivateKey;
import java.text.ParseException;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * JWE as FIT-Connect uses it: compact serialisation, {@code alg=RSA-OAEP-256}, {@code enc=A256GCM}, {@code kid} of the
 * destination's encryption key and {@code cty} of the content; and the SHA-512 hashes of the metadata.
 */
public final class Jwe {

    private Jwe() {
    }

    /** One encrypted part: the compact JWE and its authentication tag (base64url). */
    public record Encrypted(String compact, String tag) {
    }

    /** Encrypts {@code content} of media type {@code contentType} for {@code key}. */
    public static Encrypted encrypt(byte[] content, String contentType, RSAKey key) throws JOSEException {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID(key.getKeyID())
                .contentType(contentType)
                .build();
        JWEObject jwe = new JWEObject(header, new Payload(content));
        jwe.encrypt(new RSAEncrypter(key));
        return new Encrypted(jwe.serialize(), jwe.getAuthTag().toString());
    }

    /**
     * The plain bytes of {@code compact}, decrypted with {@code key}; the header must name RSA-OAEP-256, A256GCM and
     * {@code expectedKid}.
     *
     * @throws JOSEException if the JWE is malformed, for another key or algorithm, or fails its authentication
     */
    public static byte[] decrypt(String compact, PrivateKey key, String expectedKid) throws JOSEException {
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(compact);
        } catch (ParseException e) {
            throw new JOSEException("not a compact JWE");
        }
        JWEHeader header = jwe.getHeader();
        if (!JWEAlgorithm.RSA_OAEP_256.equals(header.getAlgorithm())
                || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
            throw new JOSEException("alg/enc " + header.getAlgorithm() + "/" + header.getEncryptionMethod()
                    + " instead of RSA-OAEP-256/A256GCM");
        }
        if (!expectedKid.equals(header.getKeyID())) {
            throw new JOSEException("encrypted for key " + header.getKeyID() + ", not " + expectedKid);
        }
        jwe.decrypt(new RSADecrypter(key));
        return jwe.getPayload().toBytes();
    }

    /** The authentication tag (last part) of a compact JWE. */
    public static String tagOf(String compact) {
        return compact.substring(compact.lastIndexOf('.') + 1);
    }

    /** The SHA-512 hash of {@code content} in lower-case hex, as the metadata's {@code hash.content}. */
    public static String sha512Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-512", e);
        }
    }
}
