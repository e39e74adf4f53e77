package de.ozgsdk.core.internal.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.KeyError;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Decrypts OpenSSL's legacy encrypted PEM ({@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info: cipher,iv} headers in
 * a traditional {@code RSA/EC/DSA PRIVATE KEY} block): the key is OpenSSL's {@code EVP_BytesToKey} with MD5, one
 * iteration and the first 8 bytes of the IV as salt.
 */
final class LegacyPemEncryption {

    private static final int SALT_BYTES = 8;

    private LegacyPemEncryption() {
    }

    /** Whether the block carries OpenSSL's legacy encryption headers. */
    static boolean isEncrypted(PemBlocks.Block block) {
        return block.header("Proc-Type").map(value -> value.toUpperCase(Locale.ROOT).contains("ENCRYPTED"))
                .orElse(false);
    }

    /**
     * The decrypted DER content of {@code block}.
     *
     * @throws Der.MalformedException if the headers are damaged
     * @throws ConfigurationException ({@link KeyError#PEM_ENCRYPTION_UNSUPPORTED}) for a cipher other than AES-CBC,
     *     DES-EDE3-CBC or DES-CBC, or ({@link KeyError#PEM_WRONG_PASSWORD}) if decryption fails the padding check
     */
    static byte[] decrypt(PemBlocks.Block block, char[] password, String source) {
        String dekInfo = block.header("DEK-Info").orElseThrow(() -> new Der.MalformedException(
                "the header Proc-Type: 4,ENCRYPTED is not followed by a DEK-Info header"));
        int comma = dekInfo.indexOf(',');
        if (comma < 0) {
            throw new Der.MalformedException("DEK-Info '" + dekInfo + "' does not have the form cipher,iv");
        }
        String cipherName = dekInfo.substring(0, comma).strip();
        CbcCipher cipher = CbcCipher.byOpenSslName(cipherName).orElseThrow(() -> new ConfigurationException(
                KeyError.PEM_ENCRYPTION_UNSUPPORTED, source, "legacy PEM encryption with " + cipherName));
        byte[] iv;
        try {
            iv = HexFormat.of().parseHex(dekInfo.substring(comma + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new Der.MalformedException("the IV in DEK-Info is not hexadecimal");
        }
        if (iv.length != cipher.ivBytes()) {
            throw new Der.MalformedException("the IV in DEK-Info has " + iv.length + " bytes, " + cipherName
                    + " needs " + cipher.ivBytes());
        }
        byte[] key = evpBytesToKey(password, Arrays.copyOf(iv, SALT_BYTES), cipher.keyBytes(), source);
        return cipher.decrypt(key, iv, block.der(), source);
    }

    /** OpenSSL's {@code EVP_BytesToKey(cipher, EVP_md5(), salt, password, 1)}: MD5 chained until the key is full. */
    static byte[] evpBytesToKey(char[] password, byte[] salt, int keyBytes, String source) {
        byte[] secret = Pbes1.utf8(password);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] key = new byte[keyBytes];
            byte[] previous = new byte[0];
            for (int filled = 0; filled < keyBytes; filled += previous.length) {
                md5.update(previous);
                md5.update(secret);
                md5.update(salt);
                previous = md5.digest();
                System.arraycopy(previous, 0, key, filled, Math.min(previous.length, keyBytes - filled));
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            // A JVM in a strict FIPS configuration offers no MD5.
            throw new ConfigurationException(KeyError.PEM_ENCRYPTION_UNSUPPORTED, e, source,
                    "legacy PEM encryption (its key derivation needs MD5, which this JVM does not offer)");
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
