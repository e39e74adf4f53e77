package de.ozgsdk.transfer.fitconnect.internal;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * JWE as FIT-Connect uses it: compact serialisation, {@code alg=RSA-OAEP-256}, {@code enc=A256GCM}, {@code kid} of the
 * destination's encryption key and {@code cty} of the content; and the SHA-512 hashes of the metadata.
 */
public final class Jwe {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Jwe() {
    }

    /** One encrypted part: the compact JWE as ASCII bytes (uploaded as they are) and its authentication tag. */
    public record Encrypted(byte[] ascii, String tag) {

        /** The compact JWE as text, e.g. for {@code encryptedMetadata}. */
        public String compact() {
            return new String(ascii, StandardCharsets.US_ASCII);
        }
    }

    /**
     * Encrypts {@code content} of media type {@code contentType} for {@code key}. Written on the JCA rather than
     * Nimbus's {@code JWEObject}, which copies the content several times and base64url-encodes it with its own codec:
     * for a 10 MB attachment that cost 1.8 times a plain AES-GCM pass, this one about 1.2 (bench
     * {@code JweAttachmentBenchmark}). Nimbus decrypts the result in the tests, which proves the format.
     */
    public static Encrypted encrypt(byte[] content, String contentType, RSAKey key) throws JOSEException {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID(key.getKeyID())
                .contentType(contentType)
                .build();
        byte[] protectedHeader = header.toBase64URL().toString().getBytes(StandardCharsets.US_ASCII);
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey cek = generator.generateKey();
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, key.toRSAPublicKey(), new OAEPParameterSpec("SHA-256", "MGF1",
                    MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT), RANDOM);
            byte[] encryptedKey = rsa.doFinal(cek.getEncoded());
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, cek, new GCMParameterSpec(128, iv));
            gcm.updateAAD(protectedHeader);
            byte[] sealed = gcm.doFinal(content); // ciphertext followed by the 16-byte tag
            int textLength = sealed.length - 16;
            Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
            byte[] tag = base64url.encode(Arrays.copyOfRange(sealed, textLength, sealed.length));
            byte[] wrappedKey = base64url.encode(encryptedKey);
            byte[] nonce = base64url.encode(iv);
            int textChars = (textLength / 3) * 4 + (textLength % 3 == 0 ? 0 : textLength % 3 + 1);
            byte[] compact = new byte[protectedHeader.length + wrappedKey.length + nonce.length + textChars
                    + tag.length + 4];
            // The ciphertext is encoded straight into its place: no intermediate copy of a large attachment.
            Into out = new Into(compact);
            out.write(protectedHeader);
            out.write('.');
            out.write(wrappedKey);
            out.write('.');
            out.write(nonce);
            out.write('.');
            try (OutputStream text = base64url.wrap(out)) {
                text.write(sealed, 0, textLength);
            }
            out.write('.');
            out.write(tag);
            return new Encrypted(compact, new String(tag, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new JOSEException("JWE serialisation failed: " + e.getClass().getSimpleName(), e);
        } catch (GeneralSecurityException e) {
            throw new JOSEException("JWE encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Writes into a byte array of the exact size; closing it is a no-op, so the base64 stream may close it. */
    private static final class Into extends OutputStream {
        private final byte[] target;
        private int at;

        Into(byte[] target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target[at++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            System.arraycopy(bytes, offset, target, at, length);
            at += length;
        }
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
