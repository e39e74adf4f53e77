package de.ozgsdk.core.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.SecurityCheckException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and authenticates data at rest with AES-256-GCM under named keys, so that keys can be rotated: the primary
 * (by default the last added) key seals, every configured key opens.
 *
 * <pre>{@code
 * Sealer sealer = Sealer.builder()
 *         .keyBase64("2026-11", secrets.get("OZG_SEAL_KEY_2026_11"))
 *         .keyBase64("2027-01", secrets.get("OZG_SEAL_KEY_2027_01")) // the last added key seals from now on
 *         .build();
 * byte[] context = "draft:4711".getBytes(StandardCharsets.UTF_8);
 * byte[] sealed = sealer.seal(plaintext, context);
 * byte[] opened = sealer.open(sealed, context); // fails with SecurityCheckException if altered or out of context
 * }</pre>
 *
 * <p>Format of a sealed message (version 1): one version byte {@code 0x01}, one byte key id length, the key id
 * (ASCII), a 96-bit random IV, then the GCM ciphertext with its 128-bit tag. The header (version, key id) and the
 * caller's associated data are authenticated, so neither the key id nor the context can be swapped unnoticed.
 * A random 96-bit IV per message keeps the GCM limit of 2^32 messages per key far away for drafts; rotate keys
 * (yearly, say) anyway. Instances are immutable and thread-safe.
 */
public final class Sealer {

    private static final byte FORMAT_VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /**
     * A cipher per thread, initialised anew (key and fresh IV) for every use: {@code Cipher.getInstance} searches the
     * providers on every call, which cost as much as sealing a small draft.
     */
    private static final ThreadLocal<Cipher> CIPHER = new ThreadLocal<>();

    private final Map<String, SecretKey> keys;
    private final String primaryKeyId;
    private final SecureRandom random = new SecureRandom();

    private Sealer(Map<String, SecretKey> keys, String primaryKeyId) {
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.primaryKeyId = primaryKeyId;
    }

    /** Starts a sealer with no keys; add at least one. */
    public static Builder builder() {
        return new Builder();
    }

    /** The id of the key that seals. */
    public String primaryKeyId() {
        return primaryKeyId;
    }

    /** The ids of all keys that open, in the order they were added. */
    public List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    /**
     * Encrypts {@code plaintext} under the primary key, binding it to {@code associatedData} (e.g. the record id and
     * owner): {@link #open} must be given the same associated data.
     */
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] header = header(primaryKeyId);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] body = crypt(Cipher.ENCRYPT_MODE, keys.get(primaryKeyId), iv, header, associatedData,
                plaintext, 0, plaintext.length, primaryKeyId);
        return ByteBuffer.allocate(header.length + IV_BYTES + body.length).put(header).put(iv).put(body).array();
    }

    /**
     * Decrypts what {@link #seal} produced with any configured key.
     *
     * @throws SecurityCheckException if the data was altered, is malformed, or {@code associatedData} differs from
     *     the one it was sealed with
     * @throws ConfigurationException if the key it was sealed with is not configured (add the old key)
     */
    public byte[] open(byte[] sealed, byte[] associatedData) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(associatedData, "associatedData");
        String keyId = keyIdOf(sealed);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new ConfigurationException(SealError.KEY_ID_UNKNOWN, keyId, keyIds());
        }
        int headerLength = 2 + keyId.length();
        if (sealed.length < headerLength + IV_BYTES + TAG_BYTES) {
            throw new SecurityCheckException(SealError.SEALED_DATA_MALFORMED, "shorter than IV and tag");
        }
        byte[] header = Arrays.copyOfRange(sealed, 0, headerLength);
        byte[] iv = Arrays.copyOfRange(sealed, headerLength, headerLength + IV_BYTES);
        int bodyOffset = headerLength + IV_BYTES;
        return crypt(Cipher.DECRYPT_MODE, key, iv, header, associatedData,
                sealed, bodyOffset, sealed.length - bodyOffset, keyId);
    }

    /**
     * Whether {@code sealed} was sealed with a key other than the primary one, so that a rotation job can re-seal it.
     *
     * @throws SecurityCheckException if the data is malformed
     */
    public boolean needsResealing(byte[] sealed) {
        return !primaryKeyId.equals(keyIdOf(Objects.requireNonNull(sealed, "sealed")));
    }

    /**
     * Reads the key id from the header of sealed data without decrypting it.
     *
     * @throws SecurityCheckException if the header is malformed
     */
    public static String keyIdOf(byte[] sealed) {
        if (sealed.length < 2) {
            throw new SecurityCheckException(SealError.SEALED_DATA_MALFORMED, "no header");
        }
        if (sealed[0] != FORMAT_VERSION) {
            throw new SecurityCheckException(SealError.SEALED_FORMAT_UNSUPPORTED, sealed[0] & 0xff);
        }
        int idLength = sealed[1] & 0xff;
        if (sealed.length < 2 + idLength) {
            throw new SecurityCheckException(SealError.SEALED_DATA_MALFORMED, "key id cut off");
        }
        String keyId = new String(sealed, 2, idLength, StandardCharsets.US_ASCII);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new SecurityCheckException(SealError.SEALED_DATA_MALFORMED, "key id has invalid characters");
        }
        return keyId;
    }

    @Override
    public String toString() {
        return "Sealer[primary=" + primaryKeyId + ", keys=" + keys.keySet() + "]";
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[2 + id.length];
        header[0] = FORMAT_VERSION;
        header[1] = (byte) id.length;
        System.arraycopy(id, 0, header, 2, id.length);
        return header;
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, byte[] header, byte[] associatedData,
            byte[] input, int offset, int length, String keyId) {
        Cipher cipher;
        try {
            cipher = CIPHER.get();
            if (cipher == null) {
                cipher = Cipher.getInstance(TRANSFORMATION);
                CIPHER.set(cipher);
            }
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        } catch (GeneralSecurityException e) {
            throw new ProcessingException(SealError.CIPHER_UNAVAILABLE, e, e.getClass().getSimpleName());
        }
        // The header is self-delimiting (length-prefixed key id), so header || context is unambiguous.
        cipher.updateAAD(header);
        cipher.updateAAD(associatedData);
        try {
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new SecurityCheckException(SealError.SEALED_DATA_TAMPERED, e, keyId);
        } catch (GeneralSecurityException e) {
            throw new SecurityCheckException(SealError.SEALED_DATA_MALFORMED, e, e.getClass().getSimpleName());
        }
    }

    /** Collects the keys of a {@link Sealer}; the last added key is the primary one unless {@link #primary} says. */
    public static final class Builder {
        private final Map<String, SecretKey> keys = new LinkedHashMap<>();
        private String primary;

        private Builder() {
        }

        /**
         * Adds a 32-byte AES key under {@code keyId} (1 to 64 characters of {@code A-Za-z0-9._-}, e.g. the month it
         * was introduced: {@code "2026-11"}). The bytes are copied.
         */
        public Builder key(String keyId, byte[] key) {
            validateKeyId(keyId);
            Objects.requireNonNull(key, "key");
            if (key.length != KEY_BYTES) {
                throw new ConfigurationException(SealError.KEY_LENGTH_INVALID, keyId, key.length);
            }
            if (keys.containsKey(keyId)) {
                throw new ConfigurationException(SealError.KEY_ID_DUPLICATE, keyId);
            }
            keys.put(keyId, new SecretKeySpec(key.clone(), "AES"));
            return this;
        }

        /** Adds a key given as standard base64 of 32 bytes (as printed by {@code openssl rand -base64 32}). */
        public Builder keyBase64(String keyId, String base64Key) {
            validateKeyId(keyId);
            Objects.requireNonNull(base64Key, "base64Key");
            byte[] key;
            try {
                key = Base64.getDecoder().decode(base64Key.strip());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(SealError.KEY_BASE64_INVALID, e, keyId);
            }
            try {
                return key(keyId, key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }

        /** Makes {@code keyId} the key that seals (default: the last added key). */
        public Builder primary(String keyId) {
            validateKeyId(keyId);
            this.primary = keyId;
            return this;
        }

        /** Builds the sealer; fails if no key was added or the primary key id is unknown. */
        public Sealer build() {
            if (keys.isEmpty()) {
                throw new ConfigurationException(SealError.NO_KEYS);
            }
            List<String> ids = new ArrayList<>(keys.keySet());
            String primaryId = primary == null ? ids.get(ids.size() - 1) : primary;
            if (!keys.containsKey(primaryId)) {
                throw new ConfigurationException(SealError.PRIMARY_KEY_UNKNOWN, primaryId, ids);
            }
            return new Sealer(keys, primaryId);
        }

        private static void validateKeyId(String keyId) {
            Objects.requireNonNull(keyId, "keyId");
            if (!KEY_ID.matcher(keyId).matches()) {
                throw new ConfigurationException(SealError.KEY_ID_INVALID, keyId);
            }
        }
    }
}
