package de.ozgsdk.core.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.internal.crypto.CertificateChains;
import de.ozgsdk.core.internal.crypto.Failures;
import de.ozgsdk.core.internal.crypto.PemDecoder;
import de.ozgsdk.core.internal.crypto.Pkcs12Reader;
import de.ozgsdk.core.internal.crypto.SourceFiles;
import de.ozgsdk.core.internal.crypto.X509Certificates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

/**
 * A private key together with its X.509 certificate chain (own certificate first), as used for TLS client
 * authentication and for signing; loaded from PKCS#12 or PEM files.
 *
 * <pre>{@code
 * PrivateKeyCredential tls = PrivateKeyCredential.fromPkcs12(configDir.resolve("client.p12"), password);
 * tls.requireValidAt(Instant.now());
 * TrustedCertificates anchors = TrustedCertificates.load(configDir.resolve("fachverfahren-ca.pem"));
 * SSLContext mutualTls = SSLContext.getInstance("TLS");
 * mutualTls.init(new KeyManager[] {tls.keyManager()}, new TrustManager[] {anchors.trustManager()}, null);
 * // with ozg-http: OzgHttpClients.create(HttpClientConfig.builder().clientCredential(tls).build())
 * }</pre>
 *
 * <p>Errors name the file but never the password. The key material is never part of {@link #toString()}.
 */
public final class PrivateKeyCredential {

    private static final String GIVEN_KEY = "(given private key)";
    private static final String GIVEN_CHAIN = "(given certificate chain)";

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private PrivateKeyCredential(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = chain;
    }

    /**
     * A credential from a key and certificates already in memory; the certificates may come in any order, the one
     * matching the key becomes the first of the chain.
     *
     * @throws ConfigurationException if no certificate matches the key, or {@code certificates} is empty
     */
    public static PrivateKeyCredential of(PrivateKey privateKey, List<X509Certificate> certificates) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificates, "certificates");
        return new PrivateKeyCredential(privateKey,
                CertificateChains.orderFor(privateKey, List.copyOf(certificates), GIVEN_KEY, GIVEN_CHAIN));
    }

    /**
     * Loads the only private key of a PKCS#12 file ({@code .p12}, {@code .pfx}) and its chain; the key must be
     * protected by the store password, as keytool and OpenSSL write it.
     *
     * @throws ConfigurationException if the file cannot be read, the password is wrong, or the file holds no or
     *     several private keys
     */
    public static PrivateKeyCredential fromPkcs12(Path file, char[] password) {
        return fromPkcs12File(file, password, Optional.empty());
    }

    /** Like {@link #fromPkcs12(Path, char[])}, choosing the private key entry by {@code alias} (case-insensitive). */
    public static PrivateKeyCredential fromPkcs12(Path file, char[] password, String alias) {
        return fromPkcs12File(file, password, Optional.of(requireText(alias, "alias")));
    }

    /**
     * Loads the only private key of a PKCS#12 stream (read to its end, not closed); {@code sourceName} names the
     * stream in error messages (such as {@code "vault:ozg/tls"}).
     */
    public static PrivateKeyCredential fromPkcs12(InputStream in, String sourceName, char[] password) {
        return fromPkcs12Stream(in, requireText(sourceName, "sourceName"), password, Optional.empty());
    }

    /** Like {@link #fromPkcs12(InputStream, String, char[])}, choosing the private key entry by {@code alias}. */
    public static PrivateKeyCredential fromPkcs12(InputStream in, String sourceName, char[] password, String alias) {
        return fromPkcs12Stream(in, requireText(sourceName, "sourceName"), password,
                Optional.of(requireText(alias, "alias")));
    }

    /**
     * Loads an unencrypted private key (PKCS#8 {@code PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY}, SEC1
     * {@code EC PRIVATE KEY} or OpenSSL's {@code DSA PRIVATE KEY}) and its certificate chain (PEM, any order, or one
     * DER certificate); both may be the same file. The key may be RSA, EC on a curve the JVM signs with (P-256, P-384,
     * P-521), Ed25519/Ed448 or DSA.
     *
     * @throws ConfigurationException if a file cannot be read or decoded, the key is encrypted, the key file holds no
     *     or several keys, the key's format or algorithm is unsupported ({@link KeyError#PEM_FORMAT_UNSUPPORTED} for
     *     OpenSSH keys, {@link KeyError#KEY_ALGORITHM_UNSUPPORTED} e.g. for brainpool curves), or no certificate
     *     matches the key
     */
    public static PrivateKeyCredential fromPem(Path privateKeyFile, Path certificateChainFile) {
        return fromPemFiles(privateKeyFile, certificateChainFile, Optional.empty());
    }

    /**
     * Like {@link #fromPem(Path, Path)} for a key that may be encrypted with {@code password}: PKCS#8
     * {@code ENCRYPTED PRIVATE KEY} with PBES2 (PBKDF2 with HMAC-SHA1/224/256/384/512; AES-128/192/256-CBC,
     * DES-EDE3-CBC, DES-CBC; what {@code openssl pkcs8 -topk8} writes) or the older PBES1/PKCS#12 schemes
     * ({@code openssl pkcs8 -v1}), or a legacy OpenSSL {@code RSA/EC/DSA PRIVATE KEY} with
     * {@code Proc-Type: 4,ENCRYPTED} (AES-CBC, DES-EDE3-CBC, DES-CBC). Non-ASCII passwords work as with OpenSSL
     * (UTF-8, or BMPString in the PKCS#12 schemes).
     *
     * @throws ConfigurationException as {@link #fromPem(Path, Path)}, and if the password is wrong or the key is
     *     encrypted with an unsupported scheme such as scrypt ({@link KeyError#PEM_ENCRYPTION_UNSUPPORTED})
     */
    public static PrivateKeyCredential fromPem(Path privateKeyFile, Path certificateChainFile, char[] password) {
        return fromPemFiles(privateKeyFile, certificateChainFile,
                Optional.of(Objects.requireNonNull(password, "password")));
    }

    /** The private key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The certificate of the private key (the first of the chain). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The certificate chain, the key's own certificate first, then its issuers (never empty, unmodifiable). */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** Whether every certificate of the chain is valid at {@code instant}. */
    public boolean isValidAt(Instant instant) {
        return chain.stream().allMatch(certificate -> !instant.isBefore(certificate.getNotBefore().toInstant())
                && !instant.isAfter(certificate.getNotAfter().toInstant()));
    }

    /**
     * Checks that every certificate of the chain is valid at {@code instant}; call it at start-up to fail before the
     * first request does.
     *
     * @throws ConfigurationException naming the position and serial number of an expired or not yet valid
     *     certificate
     */
    public void requireValidAt(Instant instant) {
        for (int position = 0; position < chain.size(); position++) {
            X509Certificate certificate = chain.get(position);
            String serial = certificate.getSerialNumber().toString(16);
            Instant notBefore = certificate.getNotBefore().toInstant();
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (instant.isAfter(notAfter)) {
                throw new ConfigurationException(KeyError.CERTIFICATE_EXPIRED, position, serial, notAfter);
            }
            if (instant.isBefore(notBefore)) {
                throw new ConfigurationException(KeyError.CERTIFICATE_NOT_YET_VALID, position, serial, notBefore);
            }
        }
    }

    /** A new in-memory PKCS#12 key store holding this credential under {@code alias}, protected by {@code password}. */
    public KeyStore toKeyStore(String alias, char[] password) {
        requireText(alias, "alias");
        Objects.requireNonNull(password, "password");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, privateKey, password, chain.toArray(new X509Certificate[0]));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigurationException(KeyError.KEY_STORE_FAILED, e, "KeyStore", Failures.describe(e));
        }
    }

    /** A key manager that presents this credential in TLS handshakes (for client or server authentication). */
    public X509KeyManager keyManager() {
        char[] password = randomPassword();
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(toKeyStore("credential", password), password);
            for (KeyManager manager : factory.getKeyManagers()) {
                if (manager instanceof X509KeyManager x509) {
                    return x509;
                }
            }
            throw new ConfigurationException(KeyError.KEY_STORE_FAILED, "X509KeyManager", "no X509KeyManager");
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(KeyError.KEY_STORE_FAILED, e, "X509KeyManager", Failures.describe(e));
        }
    }

    @Override
    public String toString() {
        X509Certificate certificate = certificate();
        return "PrivateKeyCredential[" + privateKey.getAlgorithm()
                + ", serial=" + certificate.getSerialNumber().toString(16)
                + ", notAfter=" + certificate.getNotAfter().toInstant()
                + ", chainLength=" + chain.size() + "]";
    }

    private static PrivateKeyCredential fromPkcs12File(Path file, char[] password, Optional<String> alias) {
        Objects.requireNonNull(file, "file");
        return fromPkcs12Stream(new ByteArrayInputStream(SourceFiles.read(file)), file.toString(), password, alias);
    }

    private static PrivateKeyCredential fromPkcs12Stream(InputStream in, String source, char[] password,
            Optional<String> alias) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(password, "password");
        Pkcs12Reader.Entry entry = Pkcs12Reader.read(in, source, password, alias);
        return new PrivateKeyCredential(entry.privateKey(),
                CertificateChains.orderFor(entry.privateKey(), entry.certificates(), source, source));
    }

    private static PrivateKeyCredential fromPemFiles(Path keyFile, Path chainFile, Optional<char[]> password) {
        Objects.requireNonNull(keyFile, "privateKeyFile");
        Objects.requireNonNull(chainFile, "certificateChainFile");
        String keySource = keyFile.toString();
        PrivateKey key = singleKey(PemDecoder.decode(SourceFiles.read(keyFile), keySource, password), keySource);
        List<X509Certificate> certificates = X509Certificates.decode(SourceFiles.read(chainFile), chainFile.toString());
        return new PrivateKeyCredential(key,
                CertificateChains.orderFor(key, certificates, keySource, chainFile.toString()));
    }

    private static PrivateKey singleKey(PemDecoder.Content content, String source) {
        List<PrivateKey> keys = content.privateKeys();
        if (keys.isEmpty()) {
            throw new ConfigurationException(KeyError.PEM_NO_KEY, source);
        }
        if (keys.size() > 1) {
            throw new ConfigurationException(KeyError.PEM_SEVERAL_KEYS, source, keys.size());
        }
        return keys.get(0);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(KeyError.ARGUMENT_INVALID, name, "must not be blank");
        }
        return value;
    }

    private static char[] randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random).toCharArray();
    }
}
