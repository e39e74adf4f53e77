package de.ozgsdk.core.internal.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.KeyError;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CBC ciphers that protect private key files, by their PKCS#5 OID (PBES2) and their OpenSSL name (the
 * {@code DEK-Info} header of legacy encrypted PEM); all of them are in every JDK.
 */
enum CbcCipher {
    AES_128_CBC("AES-128-CBC", "2.16.840.1.101.3.4.1.2", "AES", 16, 16),
    AES_192_CBC("AES-192-CBC", "2.16.840.1.101.3.4.1.22", "AES", 24, 16),
    AES_256_CBC("AES-256-CBC", "2.16.840.1.101.3.4.1.42", "AES", 32, 16),
    DES_EDE3_CBC("DES-EDE3-CBC", "1.2.840.113549.3.7", "DESede", 24, 8),
    DES_CBC("DES-CBC", "1.3.14.3.2.7", "DES", 8, 8);

    private final String openSslName;
    private final String oid;
    private final String jcaName;
    private final int keyBytes;
    private final int ivBytes;

    CbcCipher(String openSslName, String oid, String jcaName, int keyBytes, int ivBytes) {
        this.openSslName = openSslName;
        this.oid = oid;
        this.jcaName = jcaName;
        this.keyBytes = keyBytes;
        this.ivBytes = ivBytes;
    }

    static Optional<CbcCipher> byOid(String oid) {
        return Arrays.stream(values()).filter(cipher -> cipher.oid.equals(oid)).findFirst();
    }

    static Optional<CbcCipher> byOpenSslName(String name) {
        return Arrays.stream(values()).filter(cipher -> cipher.openSslName.equalsIgnoreCase(name)).findFirst();
    }

    String openSslName() {
        return openSslName;
    }

    int keyBytes() {
        return keyBytes;
    }

    int ivBytes() {
        return ivBytes;
    }

    /**
     * Decrypts {@code ciphertext} and removes the PKCS#5 padding.
     *
     * @throws ConfigurationException ({@link KeyError#PEM_WRONG_PASSWORD}) if the padding is wrong, which is what a
     *     wrong password looks like
     * @throws Der.MalformedException if the ciphertext or IV has an impossible length
     */
    byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext, String source) {
        if (iv.length != ivBytes) {
            throw new Der.MalformedException(openSslName + " needs an IV of " + ivBytes + " bytes, found " + iv.length);
        }
        try {
            Cipher cipher = Cipher.getInstance(jcaName + "/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, jcaName), new IvParameterSpec(iv));
            return cipher.doFinal(ciphertext);
        } catch (BadPaddingException e) {
            throw new ConfigurationException(KeyError.PEM_WRONG_PASSWORD, e, source);
        } catch (IllegalBlockSizeException e) {
            throw new Der.MalformedException("the encrypted key (" + ciphertext.length
                    + " bytes) is not a whole number of " + openSslName + " blocks (truncated?)");
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(KeyError.PEM_ENCRYPTION_UNSUPPORTED, e, source,
                    openSslName + " (" + Failures.describe(e) + ")");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
