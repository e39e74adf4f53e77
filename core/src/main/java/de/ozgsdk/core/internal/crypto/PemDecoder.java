package de.ozgsdk.core.internal.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.crypto.KeyError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the private keys and certificates of a PEM text with Bouncy Castle's {@link PEMParser}.
 *
 * <p>Understood private key blocks: {@code PRIVATE KEY} (PKCS#8), {@code ENCRYPTED PRIVATE KEY} (PKCS#8, PBES2 or
 * PBES1), {@code RSA PRIVATE KEY} (PKCS#1, also with OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED}) and
 * {@code EC PRIVATE KEY} (SEC1). Other blocks (public keys, EC parameters) are skipped. Keys and certificates are
 * converted to the JDK's own types where the JDK knows the algorithm, so that JSSE can use them without Bouncy
 * Castle's provider.
 */
public final class PemDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(PemDecoder.class);

    /** What a PEM text held, in file order. */
    public record Content(List<PrivateKey> privateKeys, List<X509Certificate> certificates) {
        public Content {
            privateKeys = List.copyOf(privateKeys);
            certificates = List.copyOf(certificates);
        }
    }

    private PemDecoder() {
    }

    /**
     * Decodes {@code pem}; {@code source} names the file in error messages, {@code password} decrypts encrypted keys.
     *
     * @throws ConfigurationException if the text is not valid PEM, a key cannot be decrypted or has an unknown
     *     algorithm, or a certificate is broken
     */
    public static Content decode(byte[] pem, String source, Optional<char[]> password) {
        List<PrivateKey> keys = new ArrayList<>();
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(
                new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.ISO_8859_1))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(X509Certificates.fromDer(holder.getEncoded(), source));
                } else {
                    privateKeyInfo(object, source, password).ifPresent(info -> keys.add(toPrivateKey(info, source)));
                }
            }
        } catch (OzgException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports broken Base64 and ASN.1 with a range of runtime exceptions, not only IOException.
            throw new ConfigurationException(KeyError.PEM_MALFORMED, e, source, Failures.describe(e));
        }
        return new Content(keys, certificates);
    }

    private static Optional<PrivateKeyInfo> privateKeyInfo(Object object, String source, Optional<char[]> password) {
        if (object instanceof PrivateKeyInfo info) {
            return Optional.of(info);
        }
        if (object instanceof PEMKeyPair pair) {
            return Optional.of(pair.getPrivateKeyInfo());
        }
        if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            return Optional.of(decryptPkcs8(encrypted, source, requirePassword(password, source)));
        }
        if (object instanceof PEMEncryptedKeyPair encrypted) {
            return Optional.of(decryptLegacy(encrypted, source, requirePassword(password, source)));
        }
        LOG.debug("skipping PEM object of type {} in {}", object.getClass().getSimpleName(), source);
        return Optional.empty();
    }

    private static char[] requirePassword(Optional<char[]> password, String source) {
        return password.orElseThrow(() -> new ConfigurationException(KeyError.PEM_PASSWORD_REQUIRED, source));
    }

    private static PrivateKeyInfo decryptPkcs8(PKCS8EncryptedPrivateKeyInfo encrypted, String source, char[] password) {
        try {
            return encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BouncyCastle.provider()).build(password));
        } catch (Exception e) {
            // A wrong password shows as a padding or ASN.1 failure; neither can be told apart from a damaged file.
            throw new ConfigurationException(KeyError.PEM_WRONG_PASSWORD, e, source);
        }
    }

    private static PrivateKeyInfo decryptLegacy(PEMEncryptedKeyPair encrypted, String source, char[] password) {
        try {
            return encrypted.decryptKeyPair(
                    new JcePEMDecryptorProviderBuilder().setProvider(BouncyCastle.provider()).build(password))
                    .getPrivateKeyInfo();
        } catch (Exception e) {
            throw new ConfigurationException(KeyError.PEM_WRONG_PASSWORD, e, source);
        }
    }

    /** Converts {@code info} to a JDK key, or to a Bouncy Castle key where the JDK lacks the algorithm. */
    public static PrivateKey toPrivateKey(PrivateKeyInfo info, String source) {
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException | RuntimeException jdkFailure) {
            try {
                return new JcaPEMKeyConverter().setProvider(BouncyCastle.provider()).getPrivateKey(info);
            } catch (IOException | RuntimeException bcFailure) {
                String algorithm = algorithmOf(info);
                if (isUnknownAlgorithm(bcFailure)) {
                    throw new ConfigurationException(KeyError.KEY_ALGORITHM_UNSUPPORTED, bcFailure, source, algorithm);
                }
                throw new ConfigurationException(KeyError.PEM_MALFORMED, bcFailure, source,
                        "private key (" + algorithm + ") cannot be decoded: " + Failures.describe(bcFailure));
            }
        }
    }

    private static String algorithmOf(PrivateKeyInfo info) {
        try {
            return info.getPrivateKeyAlgorithm().getAlgorithm().getId();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static boolean isUnknownAlgorithm(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.security.NoSuchAlgorithmException
                    || String.valueOf(t.getMessage()).contains("unable to find")) {
                return true;
            }
        }
        return false;
    }
}
