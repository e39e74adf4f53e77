package de.ozgsdk.core.internal.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.crypto.KeyError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Decodes X.509 certificates from PEM, DER or PKCS#7 into the JDK's certificate type. */
public final class X509Certificates {

    private static final byte[] PEM_MARKER = "-----BEGIN".getBytes(StandardCharsets.US_ASCII);

    private X509Certificates() {
    }

    /**
     * All certificates in {@code content}: PEM {@code CERTIFICATE} blocks (other blocks are skipped) or, if there is
     * no PEM marker, one DER certificate or a PKCS#7 bundle.
     *
     * @throws ConfigurationException if the content is broken or holds no certificate
     */
    public static List<X509Certificate> decode(byte[] content, String source) {
        List<X509Certificate> certificates = containsPemMarker(content)
                ? PemDecoder.certificates(content, source)
                : decodeBinary(content, source);
        if (certificates.isEmpty()) {
            throw new ConfigurationException(KeyError.NO_CERTIFICATE, source);
        }
        return certificates;
    }

    /** One DER-encoded certificate. */
    public static X509Certificate fromDer(byte[] der, String source) {
        try {
            Certificate certificate = factory().generateCertificate(new ByteArrayInputStream(der));
            if (certificate instanceof X509Certificate x509) {
                return x509;
            }
            throw new ConfigurationException(KeyError.CERTIFICATE_MALFORMED, source, certificate.getType());
        } catch (OzgException e) {
            throw e;
        } catch (CertificateException | RuntimeException e) {
            throw new ConfigurationException(KeyError.CERTIFICATE_MALFORMED, e, source, Failures.describe(e));
        }
    }

    private static List<X509Certificate> decodeBinary(byte[] content, String source) {
        if (content.length == 0) {
            return List.of();
        }
        try {
            Collection<? extends Certificate> decoded =
                    factory().generateCertificates(new ByteArrayInputStream(content));
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : decoded) {
                if (certificate instanceof X509Certificate x509) {
                    certificates.add(x509);
                }
            }
            return certificates;
        } catch (CertificateException | RuntimeException e) {
            throw new ConfigurationException(KeyError.CERTIFICATE_MALFORMED, e, source, Failures.describe(e));
        }
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }

    private static boolean containsPemMarker(byte[] content) {
        outer:
        for (int i = 0; i <= content.length - PEM_MARKER.length; i++) {
            for (int j = 0; j < PEM_MARKER.length; j++) {
                if (content[i + j] != PEM_MARKER[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
