package de.ozgsdk.http.internal;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.HttpError;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the TLS context of an HTTP client from an optional client credential and optional trust anchors. */
public final class TlsContexts {

    /** A socket factory's context together with the trust manager OkHttp needs to know. */
    public record Tls(SSLContext context, X509TrustManager trustManager) {
    }

    private TlsContexts() {
    }

    /** TLS with the given client credential (if any), trusting only {@code anchors} or else the JDK's trust store. */
    public static Tls create(Optional<PrivateKeyCredential> credential, Optional<TrustedCertificates> anchors) {
        try {
            X509TrustManager trustManager = anchors.isPresent()
                    ? anchors.get().trustManager()
                    : jdkTrustManager();
            KeyManager[] keyManagers = credential
                    .map(c -> new KeyManager[] {c.keyManager()})
                    .orElse(null);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new TrustManager[] {trustManager}, null);
            return new Tls(context, trustManager);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(HttpError.TLS_SETUP_FAILED, e,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static X509TrustManager jdkTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X509TrustManager");
    }
}
