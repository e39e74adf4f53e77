package de.ozgsdk.core.internal.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.KeyError;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Puts the certificates that come with a private key into chain order: its own certificate first, then issuers. */
public final class CertificateChains {

    private CertificateChains() {
    }

    /**
     * The chain for {@code privateKey}: the certificate whose public key matches it, then each issuer found among
     * {@code certificates}, then the remaining certificates in their original order (files often hold the chain in
     * any order, and TLS peers expect the leaf first).
     *
     * @throws ConfigurationException if no certificate matches the key, or the key's algorithm is unsupported
     */
    public static List<X509Certificate> orderFor(PrivateKey privateKey, List<X509Certificate> certificates,
            String keySource, String certificateSource) {
        if (certificates.isEmpty()) {
            throw new ConfigurationException(KeyError.NO_CERTIFICATE, certificateSource);
        }
        if (!KeyPairs.isSupported(privateKey)) {
            throw new ConfigurationException(KeyError.KEY_ALGORITHM_UNSUPPORTED, keySource,
                    KeyPairs.describe(privateKey));
        }
        X509Certificate leaf = certificates.stream()
                .filter(certificate -> KeyPairs.belongTogether(privateKey, certificate.getPublicKey()))
                .findFirst()
                .orElseThrow(() -> new ConfigurationException(
                        KeyError.KEY_CERTIFICATE_MISMATCH, keySource, certificateSource));
        Set<X509Certificate> remaining = new LinkedHashSet<>(certificates);
        List<X509Certificate> chain = new ArrayList<>();
        for (Optional<X509Certificate> next = Optional.of(leaf); next.isPresent(); next = issuerOf(chain, remaining)) {
            chain.add(next.get());
            remaining.remove(next.get());
        }
        chain.addAll(remaining);
        return List.copyOf(chain);
    }

    private static Optional<X509Certificate> issuerOf(List<X509Certificate> chain, Set<X509Certificate> candidates) {
        X509Certificate last = chain.get(chain.size() - 1);
        if (last.getIssuerX500Principal().equals(last.getSubjectX500Principal())) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(candidate -> candidate.getSubjectX500Principal().equals(last.getIssuerX500Principal()))
                .findFirst();
    }
}
