package de.ozgsdk.core.internal.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.KeyError;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the private keys and certificates of a PEM text with the JDK's own crypto (no third-party provider).
 *
 * <p>Understood private key blocks: {@code PRIVATE KEY} (PKCS#8), {@code ENCRYPTED PRIVATE KEY} (PKCS#8 with PBES2
 * and PBKDF2-HMAC-SHA1/224/256/384/512 and AES-CBC or (DES-EDE3-)CBC, or PBES1/PKCS#12 schemes the JDK implements),
 * {@code RSA PRIVATE KEY} (PKCS#1), {@code EC PRIVATE KEY} (SEC1) and {@code DSA PRIVATE KEY}, the last three also
 * with OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED} (AES-128/192/256-CBC, DES-EDE3-CBC, DES-CBC). Keys are of every
 * algorithm the JVM's providers know (RSA, RSASSA-PSS, EC, EdDSA, DSA, XDH, …). Certificate blocks are
 * {@code CERTIFICATE} and {@code X509 CERTIFICATE}; other blocks (public keys, EC parameters, requests) are skipped.
 */
public final class PemDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(PemDecoder.class);

    private static final Set<String> CERTIFICATE_TYPES = Set.of("CERTIFICATE", "X509 CERTIFICATE");
    private static final Set<String> PRIVATE_KEY_TYPES = Set.of(
            "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY");

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
     * Decodes the keys and certificates of {@code pem}; {@code source} names the file in error messages,
     * {@code password} decrypts encrypted keys.
     *
     * @throws ConfigurationException if the text is not valid PEM, a key cannot be decrypted, has an unsupported
     *     format, encryption or algorithm, or a certificate is broken
     */
    public static Content decode(byte[] pem, String source, Optional<char[]> password) {
        List<PrivateKey> keys = new ArrayList<>();
        List<X509Certificate> certificates = new ArrayList<>();
        for (PemBlocks.Block block : PemBlocks.parse(pem, source)) {
            if (CERTIFICATE_TYPES.contains(block.type())) {
                certificates.add(X509Certificates.fromDer(block.der(), source));
            } else if (PRIVATE_KEY_TYPES.contains(block.type())) {
                keys.add(privateKey(block, source, password));
            } else if (block.type().contains("PRIVATE KEY")) {
                throw new ConfigurationException(KeyError.PEM_FORMAT_UNSUPPORTED, source, block.type());
            } else {
                LOG.debug("skipping PEM block of type {} in {}", block.type(), source);
            }
        }
        return new Content(keys, certificates);
    }

    /**
     * Only the certificates of {@code pem}; key blocks are skipped undecoded, so that a bundle holding an encrypted
     * key needs no password.
     *
     * @throws ConfigurationException if the text is not valid PEM or a certificate is broken
     */
    public static List<X509Certificate> certificates(byte[] pem, String source) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (PemBlocks.Block block : PemBlocks.parse(pem, source)) {
            if (CERTIFICATE_TYPES.contains(block.type())) {
                certificates.add(X509Certificates.fromDer(block.der(), source));
            }
        }
        return List.copyOf(certificates);
    }

    private static PrivateKey privateKey(PemBlocks.Block block, String source, Optional<char[]> password) {
        try {
            return switch (block.type()) {
                case "PRIVATE KEY" -> Pkcs8Keys.toPrivateKey(block.der(), source);
                case "ENCRYPTED PRIVATE KEY" -> encryptedPkcs8(block, source, requirePassword(password, source));
                default -> traditional(block, source, password);
            };
        } catch (Der.MalformedException e) {
            throw new ConfigurationException(KeyError.PEM_MALFORMED, e, source,
                    block.location() + ": " + e.getMessage());
        }
    }

    private static PrivateKey encryptedPkcs8(PemBlocks.Block block, String source, char[] password) {
        byte[] pkcs8 = EncryptedPkcs8.decrypt(block.der(), password, source);
        requireDecryptedStructure(() -> Pkcs8Keys.algorithmOf(pkcs8), source);
        return Pkcs8Keys.toPrivateKey(pkcs8, source);
    }

    /** {@code RSA/EC/DSA PRIVATE KEY}, possibly with OpenSSL's legacy encryption. */
    private static PrivateKey traditional(PemBlocks.Block block, String source, Optional<char[]> password) {
        if (!LegacyPemEncryption.isEncrypted(block)) {
            return Pkcs8Keys.toPrivateKey(toPkcs8(block.type(), block.der(), source), source);
        }
        byte[] der = LegacyPemEncryption.decrypt(block, requirePassword(password, source), source);
        byte[] pkcs8 = requireDecryptedStructure(() -> toPkcs8(block.type(), der, source), source);
        return Pkcs8Keys.toPrivateKey(pkcs8, source);
    }

    private static byte[] toPkcs8(String type, byte[] der, String source) {
        return switch (type) {
            case "RSA PRIVATE KEY" -> Pkcs8Keys.fromPkcs1(der, source);
            case "EC PRIVATE KEY" -> Pkcs8Keys.fromSec1(der);
            case "DSA PRIVATE KEY" -> Pkcs8Keys.fromOpenSslDsa(der);
            default -> throw new IllegalArgumentException("not a traditional key type: " + type);
        };
    }

    /**
     * Runs {@code parse} on decrypted content: garbage after a decryption whose padding happened to fit is what a
     * wrong password looks like, so it is reported as such and not as a damaged file.
     */
    private static <T> T requireDecryptedStructure(Supplier<T> parse, String source) {
        try {
            return parse.get();
        } catch (Der.MalformedException e) {
            throw new ConfigurationException(KeyError.PEM_WRONG_PASSWORD, e, source);
        }
    }

    private static char[] requirePassword(Optional<char[]> password, String source) {
        return password.orElseThrow(() -> new ConfigurationException(KeyError.PEM_PASSWORD_REQUIRED, source));
    }
}
