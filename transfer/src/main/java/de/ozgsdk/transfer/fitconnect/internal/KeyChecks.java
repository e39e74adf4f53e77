package de.ozgsdk.transfer.fitconnect.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import de.ozgsdk.core.crypto.TrustedCertificates;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of a destination's public key (a JWK of the Submission API) before it is used: the operation
 * ({@code wrapKey} to encrypt, {@code verify} for the subscriber's SETs), the algorithm, RSA of at least 4096 bit, and
 * an {@code x5c} chain whose first certificate holds the same key and which leads to a configured trust anchor (PKIX
 * at the given time; revocation is not checked, since no CRL or OCSP source is configured).
 */
public final class KeyChecks {

    /** The smallest RSA key FIT-Connect allows. */
    public static final int MIN_RSA_BITS = 4096;

    private KeyChecks() {
    }

    /**
     * The key in {@code jwkJson} if it passes every check for {@code operation} and {@code algorithm}; otherwise a
     * description of the first failed check (no key material, safe to log).
     */
    public static Checked check(String jwkJson, KeyOperation operation, String algorithm, TrustedCertificates anchors,
            Instant at) {
        RSAKey key;
        try {
            key = RSAKey.parse(jwkJson);
        } catch (ParseException e) {
            // Nimbus also refuses an x5c whose first certificate holds another key; its messages hold no key material.
            String why = String.valueOf(e.getMessage());
            return Checked.refused("not a valid RSA JWK: " + (why.length() > 200 ? why.substring(0, 200) : why));
        }
        if (key.isPrivate()) {
            return Checked.refused("the published key holds a private part");
        }
        if (key.getKeyOperations() == null || !key.getKeyOperations().contains(operation)) {
            return Checked.refused("key_ops " + describe(key.getKeyOperations()) + " lacks " + operation.identifier());
        }
        if (key.getAlgorithm() != null && !algorithm.equals(key.getAlgorithm().getName())) {
            return Checked.refused("alg " + key.getAlgorithm().getName() + " instead of " + algorithm);
        }
        if (key.size() < MIN_RSA_BITS) {
            return Checked.refused("RSA key of " + key.size() + " bit, at least " + MIN_RSA_BITS + " required");
        }
        return chainProblem(key, anchors, at).map(Checked::refused).orElseGet(() -> Checked.accepted(key));
    }

    private static Optional<String> chainProblem(RSAKey key, TrustedCertificates anchors, Instant at) {
        List<Base64> x5c = key.getX509CertChain();
        if (x5c == null || x5c.isEmpty()) {
            return Optional.of("no x5c certificate chain");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (Base64 certificate : x5c) {
                byte[] der = certificate.decode();
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            if (!chain.get(0).getPublicKey().equals(key.toRSAPublicKey())) {
                return Optional.of("the first x5c certificate holds another key than the JWK");
            }
            Set<TrustAnchor> trust = anchors.certificates().stream()
                    .map(anchor -> new TrustAnchor(anchor, null))
                    .collect(Collectors.toSet());
            List<X509Certificate> path = chain.stream()
                    .filter(certificate -> anchors.certificates().stream().noneMatch(certificate::equals))
                    .toList();
            if (path.isEmpty()) {
                return Optional.of("the x5c chain holds only trust anchors");
            }
            CertPath certPath = factory.generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(trust);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return Optional.empty();
        } catch (GeneralSecurityException | JOSEException | IllegalArgumentException e) {
            return Optional.of("x5c chain not trusted: " + e.getClass().getSimpleName());
        }
    }

    private static String describe(Set<KeyOperation> operations) {
        return operations == null ? "(none)"
                : operations.stream().map(KeyOperation::identifier).sorted().collect(Collectors.joining(",", "[", "]"));
    }

    /** The outcome of a key check: the key, or why it is refused. */
    public record Checked(Optional<RSAKey> key, String problem) {

        static Checked accepted(RSAKey key) {
            return new Checked(Optional.of(key), "");
        }

        static Checked refused(String problem) {
            return new Checked(Optional.empty(), problem);
        }
    }
}
