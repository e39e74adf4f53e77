package de.ozgsdk.core.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.internal.crypto.Failures;
import de.ozgsdk.core.internal.crypto.SourceFiles;
import de.ozgsdk.core.internal.crypto.X509Certificates;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A fixed set of X.509 certificates to trust as anchors (for example the CA of a Fachverfahren's TLS server or of a
 * signing partner) instead of the JDK's default trust store.
 *
 * <pre>{@code
 * TrustedCertificates anchors = TrustedCertificates.load(configDir.resolve("fachverfahren-ca.pem"));
 * X509TrustManager trust = anchors.trustManager();
 * }</pre>
 */
public final class TrustedCertificates {

    private final List<X509Certificate> certificates;

    private TrustedCertificates(List<X509Certificate> certificates) {
        this.certificates = certificates;
    }

    /**
     * Loads the certificates of {@code file}: one or more PEM {@code CERTIFICATE} blocks (other blocks are skipped),
     * or a DER certificate or PKCS#7 bundle.
     *
     * @throws ConfigurationException if the file cannot be read, is broken, or holds no certificate
     */
    public static TrustedCertificates load(Path file) {
        Objects.requireNonNull(file, "file");
        return new TrustedCertificates(List.copyOf(X509Certificates.decode(SourceFiles.read(file), file.toString())));
    }

    /**
     * The given certificates as trust anchors.
     *
     * @throws ConfigurationException if {@code certificates} is empty
     */
    public static TrustedCertificates of(Collection<X509Certificate> certificates) {
        List<X509Certificate> copy = List.copyOf(Objects.requireNonNull(certificates, "certificates"));
        if (copy.isEmpty()) {
            throw new ConfigurationException(KeyError.ARGUMENT_INVALID, "certificates", "must not be empty");
        }
        return new TrustedCertificates(copy);
    }

    /** The trusted certificates (never empty, unmodifiable). */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** A new in-memory key store holding the certificates as trusted entries. */
    public KeyStore toKeyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("trusted-" + i, certificates.get(i));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigurationException(KeyError.KEY_STORE_FAILED, e, "KeyStore", Failures.describe(e));
        }
    }

    /** A trust manager that accepts exactly the chains that lead to one of these certificates (PKIX validation). */
    public X509TrustManager trustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(toKeyStore());
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new ConfigurationException(KeyError.KEY_STORE_FAILED, "X509TrustManager", "no X509TrustManager");
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(KeyError.KEY_STORE_FAILED, e, "X509TrustManager", Failures.describe(e));
        }
    }

    @Override
    public String toString() {
        return "TrustedCertificates[" + certificates.size() + "]";
    }
}
