package de.ozgsdk.core.internal.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.KeyError;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Decrypts a PKCS#8 {@code EncryptedPrivateKeyInfo} ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----}) with the JDK's
 * own primitives: PBES2 (RFC 8018) with PBKDF2-HMAC-SHA1/224/256/384/512 and AES-128/192/256-CBC, DES-EDE3-CBC or
 * DES-CBC, read by hand so that every JDK 17 decrypts what OpenSSL 1.1 and 3 write by default; and the older
 * {@link Pbes1} schemes.
 */
final class EncryptedPkcs8 {

    /** Above this, a file is more likely damaged (or hostile) than protected; OpenSSL's default is 2048. */
    static final int MAX_ITERATIONS = 10_000_000;

    private static final String PBES2 = "1.2.840.113549.1.5.13";
    private static final String PBKDF2 = "1.2.840.113549.1.5.12";
    private static final String HMAC_SHA1 = "1.2.840.113549.2.7";

    private static final Map<String, String> PRFS = Map.of(
            HMAC_SHA1, "HmacSHA1",
            "1.2.840.113549.2.8", "HmacSHA224",
            "1.2.840.113549.2.9", "HmacSHA256",
            "1.2.840.113549.2.10", "HmacSHA384",
            "1.2.840.113549.2.11", "HmacSHA512",
            "1.2.840.113549.2.12", "HmacSHA512/224",
            "1.2.840.113549.2.13", "HmacSHA512/256");

    private static final Map<String, String> OTHER_SCHEMES = Map.of(
            "1.3.6.1.4.1.11591.4.11", "scrypt",
            "1.2.840.113549.1.5.1", "PBEWithMD2AndDES",
            "1.2.840.113549.1.5.4", "PBEWithMD2AndRC2",
            "2.16.840.1.101.3.4.1.6", "AES-128-GCM",
            "2.16.840.1.101.3.4.1.46", "AES-256-GCM",
            "1.2.840.113549.3.2", "RC2-CBC");

    private EncryptedPkcs8() {
    }

    /**
     * The PKCS#8 {@code PrivateKeyInfo} inside {@code der}, decrypted with {@code password}.
     *
     * @throws Der.MalformedException if the structure is damaged
     * @throws ConfigurationException ({@link KeyError#PEM_ENCRYPTION_UNSUPPORTED}) for a scheme the JDK lacks, or
     *     ({@link KeyError#PEM_WRONG_PASSWORD}) if decryption fails the padding check
     */
    static byte[] decrypt(byte[] der, char[] password, String source) {
        Der.Reader info = Der.parse(der, Der.SEQUENCE, "EncryptedPrivateKeyInfo").contents();
        Der.Reader algorithm = info.next(Der.SEQUENCE, "encryptionAlgorithm").contents();
        String oid = algorithm.next(Der.OBJECT_IDENTIFIER, "encryptionAlgorithm OID")
                .objectIdentifier("encryptionAlgorithm OID");
        Der.Value parameters = algorithm.next(Der.SEQUENCE, "encryptionAlgorithm parameters");
        algorithm.requireEnd("encryptionAlgorithm");
        byte[] encrypted = info.next(Der.OCTET_STRING, "encryptedData").content();
        info.requireEnd("EncryptedPrivateKeyInfo");
        if (PBES2.equals(oid)) {
            return pbes2(parameters.contents(), encrypted, password, source);
        }
        Pbes1 scheme = Pbes1.byOid(oid).orElseThrow(() -> unsupported(source, describe(oid), null));
        return pbes1(scheme, parameters.contents(), encrypted, password, source);
    }

    private static byte[] pbes2(Der.Reader parameters, byte[] encrypted, char[] password, String source) {
        Der.Reader kdf = parameters.next(Der.SEQUENCE, "PBES2 keyDerivationFunc").contents();
        String kdfOid = kdf.next(Der.OBJECT_IDENTIFIER, "PBES2 KDF OID").objectIdentifier("PBES2 KDF OID");
        if (!PBKDF2.equals(kdfOid)) {
            throw unsupported(source, "PBES2 with the key derivation " + describe(kdfOid), null);
        }
        Der.Reader pbkdf2 = kdf.next(Der.SEQUENCE, "PBKDF2-params").contents();
        kdf.requireEnd("PBES2 keyDerivationFunc");
        byte[] salt = pbkdf2.next(Der.OCTET_STRING, "PBKDF2 salt").content();
        int iterations = iterations(pbkdf2.next(Der.INTEGER, "PBKDF2 iterationCount"), source);
        int keyLength = pbkdf2.peekTag() == Der.INTEGER
                ? pbkdf2.next(Der.INTEGER, "PBKDF2 keyLength").smallInteger("PBKDF2 keyLength", 64) : -1;
        String prf = pbkdf2.hasNext() ? prfOid(pbkdf2.next(Der.SEQUENCE, "PBKDF2 prf").contents()) : HMAC_SHA1;
        pbkdf2.requireEnd("PBKDF2-params");

        Der.Reader scheme = parameters.next(Der.SEQUENCE, "PBES2 encryptionScheme").contents();
        parameters.requireEnd("PBES2-params");
        String cipherOid = scheme.next(Der.OBJECT_IDENTIFIER, "PBES2 cipher OID").objectIdentifier("PBES2 cipher OID");
        CbcCipher cipher = CbcCipher.byOid(cipherOid)
                .orElseThrow(() -> unsupported(source, "PBES2 with the cipher " + describe(cipherOid), null));
        byte[] iv = scheme.next(Der.OCTET_STRING, "PBES2 cipher IV").content();
        scheme.requireEnd("PBES2 encryptionScheme");
        if (keyLength != -1 && keyLength != cipher.keyBytes()) {
            throw new Der.MalformedException("PBKDF2 keyLength is " + keyLength + " but " + cipher.openSslName()
                    + " needs " + cipher.keyBytes());
        }
        String prfName = PRFS.getOrDefault(prf, "OID " + prf);
        byte[] key = pbkdf2(prfName, password, salt, iterations, cipher.keyBytes(), source);
        return cipher.decrypt(key, iv, encrypted, source);
    }

    private static String prfOid(Der.Reader prf) {
        String oid = prf.next(Der.OBJECT_IDENTIFIER, "PBKDF2 prf OID").objectIdentifier("PBKDF2 prf OID");
        if (prf.peekTag() == Der.NULL) {
            prf.next(Der.NULL, "PBKDF2 prf parameters");
        }
        prf.requireEnd("PBKDF2 prf");
        return oid;
    }

    private static byte[] pbkdf2(String prf, char[] password, byte[] salt, int iterations, int keyBytes,
            String source) {
        SecretKeyFactory factory;
        try {
            factory = SecretKeyFactory.getInstance("PBKDF2With" + prf);
        } catch (NoSuchAlgorithmException e) {
            throw unsupported(source, "PBES2 with PBKDF2-" + prf, e);
        }
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return factory.generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Der.MalformedException("PBKDF2 cannot derive a key from the parameters: "
                    + Failures.describe(e));
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] pbes1(Pbes1 scheme, Der.Reader parameters, byte[] encrypted, char[] password,
            String source) {
        byte[] salt = parameters.next(Der.OCTET_STRING, "PBEParameter salt").content();
        int iterations = iterations(parameters.next(Der.INTEGER, "PBEParameter iterationCount"), source);
        parameters.requireEnd("PBEParameter");
        return scheme.decrypt(password, salt, iterations, encrypted, source);
    }

    private static int iterations(Der.Value count, String source) {
        int iterations = count.smallInteger("iterationCount", Integer.MAX_VALUE);
        if (iterations < 1) {
            throw new Der.MalformedException("iterationCount is " + iterations + ", at least 1 is needed");
        }
        if (iterations > MAX_ITERATIONS) {
            throw unsupported(source, iterations + " iterations of the key derivation (at most " + MAX_ITERATIONS
                    + " are accepted)", null);
        }
        return iterations;
    }

    private static String describe(String oid) {
        String name = OTHER_SCHEMES.get(oid);
        return name == null ? "OID " + oid : name + " (OID " + oid + ")";
    }

    private static ConfigurationException unsupported(String source, String what, Exception cause) {
        return new ConfigurationException(KeyError.PEM_ENCRYPTION_UNSUPPORTED, cause, source, what);
    }
}
