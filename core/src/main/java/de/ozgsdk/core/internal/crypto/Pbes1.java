package de.ozgsdk.core.internal.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.KeyError;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.RC2ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The password-based encryption schemes that predate PBES2: PBES1 of PKCS#5 (PBKDF1 with MD5 or SHA-1, RFC 8018
 * section 6.1) and the PKCS#12 schemes (RFC 7292 appendix B), as {@code openssl pkcs8 -v1} writes them.
 *
 * <p>The key derivations are done here, not with the JDK's {@code PBEWith…} ciphers, because those accept only ASCII
 * passwords, while OpenSSL derives from the UTF-8 bytes (PBKDF1) or the BMPString (PKCS#12) of any password.
 */
enum Pbes1 {
    MD5_DES("1.2.840.113549.1.5.3", "PBEWithMD5AndDES", "MD5", "DES", 8),
    MD5_RC2("1.2.840.113549.1.5.6", "PBEWithMD5AndRC2", "MD5", "RC2", 8),
    SHA1_DES("1.2.840.113549.1.5.10", "PBEWithSHA1AndDES", "SHA-1", "DES", 8),
    SHA1_RC2("1.2.840.113549.1.5.11", "PBEWithSHA1AndRC2", "SHA-1", "RC2", 8),
    PKCS12_RC4_128("1.2.840.113549.1.12.1.1", "PBEWithSHAAnd128BitRC4", null, "ARCFOUR", 16),
    PKCS12_RC4_40("1.2.840.113549.1.12.1.2", "PBEWithSHAAnd40BitRC4", null, "ARCFOUR", 5),
    PKCS12_3DES("1.2.840.113549.1.12.1.3", "PBEWithSHAAnd3-KeyTripleDES-CBC", null, "DESede", 24),
    PKCS12_2DES("1.2.840.113549.1.12.1.4", "PBEWithSHAAnd2-KeyTripleDES-CBC", null, "DESede", 16),
    PKCS12_RC2_128("1.2.840.113549.1.12.1.5", "PBEWithSHAAnd128BitRC2-CBC", null, "RC2", 16),
    PKCS12_RC2_40("1.2.840.113549.1.12.1.6", "PBEWithSHAAnd40BitRC2-CBC", null, "RC2", 5);

    private static final int BLOCK_IV_BYTES = 8;
    private static final int PKCS12_KEY_ID = 1;
    private static final int PKCS12_IV_ID = 2;
    /** The input block size v of SHA-1 in the PKCS#12 key derivation. */
    private static final int SHA1_BLOCK = 64;

    private final String oid;
    private final String displayName;
    /** The PBKDF1 hash, or null for the PKCS#12 derivation (always SHA-1 in these schemes). */
    private final String pbkdf1Hash;
    private final String cipher;
    private final int keyBytes;

    Pbes1(String oid, String displayName, String pbkdf1Hash, String cipher, int keyBytes) {
        this.oid = oid;
        this.displayName = displayName;
        this.pbkdf1Hash = pbkdf1Hash;
        this.cipher = cipher;
        this.keyBytes = keyBytes;
    }

    static Optional<Pbes1> byOid(String oid) {
        return Arrays.stream(values()).filter(scheme -> scheme.oid.equals(oid)).findFirst();
    }

    String displayName() {
        return displayName;
    }

    /**
     * Decrypts {@code ciphertext}.
     *
     * @throws ConfigurationException ({@link KeyError#PEM_WRONG_PASSWORD}) if the padding is wrong
     * @throws Der.MalformedException if salt or ciphertext have impossible lengths
     */
    byte[] decrypt(char[] password, byte[] salt, int iterations, byte[] ciphertext, String source) {
        byte[] key;
        byte[] iv;
        if (pbkdf1Hash != null) {
            if (salt.length != BLOCK_IV_BYTES) {
                throw new Der.MalformedException(displayName + " needs a salt of 8 bytes, found " + salt.length);
            }
            byte[] derived = pbkdf1(password, salt, iterations, source);
            key = Arrays.copyOf(derived, BLOCK_IV_BYTES);
            iv = Arrays.copyOfRange(derived, BLOCK_IV_BYTES, 2 * BLOCK_IV_BYTES);
            Arrays.fill(derived, (byte) 0);
        } else {
            key = pkcs12Kdf(password, salt, iterations, PKCS12_KEY_ID, keyBytes, source);
            iv = "ARCFOUR".equals(cipher) ? new byte[0]
                    : pkcs12Kdf(password, salt, iterations, PKCS12_IV_ID, BLOCK_IV_BYTES, source);
        }
        try {
            return decipher(key, iv, ciphertext, source);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private byte[] decipher(byte[] key, byte[] iv, byte[] ciphertext, String source) {
        try {
            Cipher decryptor;
            SecretKeySpec secret;
            if ("ARCFOUR".equals(cipher)) {
                decryptor = Cipher.getInstance("ARCFOUR");
                decryptor.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, cipher));
                return decryptor.doFinal(ciphertext);
            }
            AlgorithmParameterSpec parameters = "RC2".equals(cipher)
                    ? new RC2ParameterSpec(key.length * 8, iv) : new IvParameterSpec(iv);
            // Two-key triple DES is K1 K2 K1.
            secret = new SecretKeySpec(keyBytes == 16 && "DESede".equals(cipher)
                    ? concat(key, Arrays.copyOf(key, 8)) : key, cipher);
            decryptor = Cipher.getInstance(cipher + "/CBC/PKCS5Padding");
            decryptor.init(Cipher.DECRYPT_MODE, secret, parameters);
            return decryptor.doFinal(ciphertext);
        } catch (BadPaddingException e) {
            throw new ConfigurationException(KeyError.PEM_WRONG_PASSWORD, e, source);
        } catch (IllegalBlockSizeException e) {
            throw new Der.MalformedException("the encrypted key (" + ciphertext.length
                    + " bytes) is not a whole number of cipher blocks (truncated?)");
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(KeyError.PEM_ENCRYPTION_UNSUPPORTED, e, source,
                    displayName + " (" + Failures.describe(e) + ")");
        }
    }

    /** PBKDF1 (RFC 8018 section 5.1) over the UTF-8 bytes of the password, 16 bytes: DES key and IV. */
    private byte[] pbkdf1(char[] password, byte[] salt, int iterations, String source) {
        byte[] secret = encode(password, false);
        try {
            MessageDigest digest = digest(pbkdf1Hash, source);
            digest.update(secret);
            digest.update(salt);
            byte[] t = digest.digest();
            for (int i = 1; i < iterations; i++) {
                t = digest.digest(t);
            }
            return t;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The PKCS#12 key derivation with SHA-1 (RFC 7292 appendix B.2) over the BMPString of the password. */
    private byte[] pkcs12Kdf(char[] password, byte[] salt, int iterations, int id, int length, String source) {
        MessageDigest sha1 = digest("SHA-1", source);
        int v = SHA1_BLOCK;
        byte[] secret = encode(password, true);
        byte[] input = concat(repeat(salt, v * ((salt.length + v - 1) / v)),
                repeat(secret, v * ((secret.length + v - 1) / v)));
        Arrays.fill(secret, (byte) 0);
        byte[] diversifier = new byte[v];
        Arrays.fill(diversifier, (byte) id);
        byte[] result = new byte[length];
        for (int filled = 0; filled < length;) {
            sha1.update(diversifier);
            sha1.update(input);
            byte[] a = sha1.digest();
            for (int i = 1; i < iterations; i++) {
                a = sha1.digest(a);
            }
            System.arraycopy(a, 0, result, filled, Math.min(a.length, length - filled));
            filled += a.length;
            addToEveryBlock(input, repeat(a, v), v);
        }
        Arrays.fill(input, (byte) 0);
        return result;
    }

    /** I_j = (I_j + B + 1) mod 2^(8v) for every v-byte block I_j of {@code input}. */
    private static void addToEveryBlock(byte[] input, byte[] b, int v) {
        for (int block = 0; block < input.length; block += v) {
            int carry = 1;
            for (int i = v - 1; i >= 0; i--) {
                int sum = (input[block + i] & 0xFF) + (b[i] & 0xFF) + carry;
                input[block + i] = (byte) sum;
                carry = sum >>> 8;
            }
        }
    }

    /** UTF-8 bytes, or the BMPString with its two-byte terminator as PKCS#12 wants it (empty password: none). */
    private static byte[] encode(char[] password, boolean bmp) {
        if (bmp) {
            if (password.length == 0) {
                return new byte[0];
            }
            byte[] bytes = new byte[2 * password.length + 2];
            for (int i = 0; i < password.length; i++) {
                bytes[2 * i] = (byte) (password[i] >>> 8);
                bytes[2 * i + 1] = (byte) password[i];
            }
            return bytes;
        }
        return utf8(password);
    }

    /** The UTF-8 bytes of a password, as OpenSSL takes them from a terminal (the caller clears them after use). */
    static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    private MessageDigest digest(String algorithm, String source) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(KeyError.PEM_ENCRYPTION_UNSUPPORTED, e, source,
                    displayName + " (this JVM offers no " + algorithm + ")");
        }
    }

    private static byte[] repeat(byte[] bytes, int length) {
        byte[] result = new byte[length];
        for (int i = 0; bytes.length > 0 && i < length; i++) {
            result[i] = bytes[i % bytes.length];
        }
        return result;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
