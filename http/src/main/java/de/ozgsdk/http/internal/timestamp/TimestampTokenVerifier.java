package de.ozgsdk.http.internal.timestamp;

import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.http.timestamp.TimestampError;

/**
 * Verifies that an RFC 3161 time-stamp token was signed by a TSA the caller trusts: the signer certificate is in the
 * token, is marked for time-stamping only (critical extended key usage id-kp-timeStamping), was valid at genTime,
 * chains to a trust anchor, and its key verifies the token's signature, which also binds the certificate (ESS
 * signing-certificate attribute). Immutable and thread-safe.
 *
 * <p>Revocation is not checked, on purpose: the JDK's revocation checker would fetch CRLs or OCSP answers from the
 * CA's servers during every check, which fails closed on the isolated networks public-sector portals run in, and it
 * judges revocation at the time of the check, whereas a time-stamp stays evidence when the TSA certificate expires or
 * is revoked later for reasons other than key compromise. Who needs revocation data should pin the TSA certificate
 * (give it as the trust anchor) and replace it when the TSA announces a compromise, or keep tokens alive with archive
 * time-stamps.
 *
 * <p>A chain built once for a signer certificate (compared by its encoding) is remembered with the span in which all
 * its certificates are valid; a later token of the same certificate with genTime in that span needs no new path
 * building, even if it does not carry the intermediate certificates again. Everything else is checked per token.
 */
public final class TimestampTokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(TimestampTokenVerifier.class);

    /** How many built chains {@link #chains} keeps at most: a portal talks to one TSA or a few. */
    private static final int REMEMBERED_CHAINS = 32;

    private final List<X509Certificate> anchors;
    private final Set<TrustAnchor> trustAnchors;
    /**
     * Chains built before, by the exact encoding of the signer certificate, with the time span in which every
     * certificate of the path was valid: PKIX path building (a signature check per certificate) ran for every token,
     * although the TSA signs them all with the same certificate. A genTime outside that span builds the chain anew.
     */
    private final Map<ByteBuffer, ValidSpan> chains = new ConcurrentHashMap<>();

    /**
     * @param anchors certificates of the TSA itself (pinned) or of CAs that issue TSA certificates; at least one
     * @throws ConfigurationException {@link TimestampError#TRUST_ANCHORS_MISSING} if {@code anchors} is empty
     */
    public TimestampTokenVerifier(Collection<? extends X509Certificate> anchors) {
        Objects.requireNonNull(anchors, "anchors");
        if (anchors.isEmpty()) {
            throw new ConfigurationException(TimestampError.TRUST_ANCHORS_MISSING);
        }
        this.anchors = List.copyOf(anchors);
        Set<TrustAnchor> set = new HashSet<>();
        for (X509Certificate anchor : this.anchors) {
            set.add(new TrustAnchor(anchor, null));
        }
        this.trustAnchors = Set.copyOf(set);
    }

    /** The trust anchors, in the order given. */
    public List<X509Certificate> anchors() {
        return anchors;
    }

    /**
     * Verifies {@code token}; returns the TSA's certificate on success.
     *
     * @throws SecurityCheckException with a {@link TimestampError} 3xx code naming the first check that failed
     */
    public X509CertificateHolder verify(TimeStampToken token) {
        X509CertificateHolder signer = signerCertificate(token);
        checkTimeStampingUsage(signer);
        checkDigestAlgorithms(token);
        Date genTime = token.getTimeStampInfo().getGenTime();
        X509Certificate signerCertificate = toX509(signer, token);
        checkValidAt(signerCertificate, genTime);
        checkChain(signerCertificate, token, genTime);
        checkSignature(token, signer);
        return signer;
    }

    private static X509CertificateHolder signerCertificate(TimeStampToken token) {
        // SignerId implements the raw Selector type; it selects certificate holders by issuer and serial or key id.
        @SuppressWarnings("unchecked")
        Selector<X509CertificateHolder> signerId = token.getSID();
        Collection<X509CertificateHolder> matches = certificates(token, signerId);
        if (matches.isEmpty()) {
            throw new SecurityCheckException(TimestampError.SIGNER_CERTIFICATE_MISSING, serial(token));
        }
        return matches.iterator().next();
    }

    /**
     * The token's certificates that {@code selector} selects (all for {@code null}). Bouncy Castle parses them only
     * here and reports a malformed one from the wire with runtime exceptions of several types (found by fuzzing).
     */
    private static Collection<X509CertificateHolder> certificates(
            TimeStampToken token, Selector<X509CertificateHolder> selector) {
        try {
            return token.getCertificates().getMatches(selector);
        } catch (RuntimeException e) {
            throw new SecurityCheckException(TimestampError.TOKEN_CERTIFICATE_MALFORMED, e, serial(token),
                    e.getClass().getSimpleName());
        }
    }

    /** RFC 3161, 2.3: the TSA certificate has exactly one, critical, extended key usage: id-kp-timeStamping. */
    private static void checkTimeStampingUsage(X509CertificateHolder signer) {
        Extension extension = signer.getExtension(Extension.extendedKeyUsage);
        if (extension == null) {
            throw notForTimeStamping(signer, "[]", false);
        }
        KeyPurposeId[] usages;
        try {
            usages = ExtendedKeyUsage.getInstance(extension.getParsedValue()).getUsages();
        } catch (RuntimeException e) {
            // A malformed extension in a certificate from the wire: Bouncy Castle's ASN.1 layer throws runtime
            // exceptions of several types for it.
            throw notForTimeStamping(signer, "malformed", extension.isCritical());
        }
        boolean onlyTimeStamping = usages.length == 1 && KeyPurposeId.id_kp_timeStamping.equals(usages[0]);
        if (!onlyTimeStamping || !extension.isCritical()) {
            throw notForTimeStamping(signer, Arrays.toString(usages), extension.isCritical());
        }
    }

    private static SecurityCheckException notForTimeStamping(
            X509CertificateHolder signer, String usages, boolean critical) {
        return new SecurityCheckException(TimestampError.SIGNER_CERTIFICATE_NOT_FOR_TIMESTAMPING,
                signer.getSubject(), usages, critical);
    }

    /** Both the imprint and the signature must use a hash that stays collision-resistant for the archive period. */
    private static void checkDigestAlgorithms(TimeStampToken token) {
        checkAccepted(token.getTimeStampInfo().getMessageImprintAlgOID());
        SignerInformation signerInfo = token.toCMSSignedData().getSignerInfos().getSigners().iterator().next();
        checkAccepted(signerInfo.getDigestAlgorithmID().getAlgorithm());
    }

    private static void checkAccepted(ASN1ObjectIdentifier digest) {
        if (HashAlgorithm.of(digest).isEmpty()) {
            throw new SecurityCheckException(TimestampError.HASH_ALGORITHM_NOT_ACCEPTED, digest);
        }
    }

    private static X509Certificate toX509(X509CertificateHolder holder, TimeStampToken token) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new SecurityCheckException(TimestampError.SIGNATURE_INVALID, e, serial(token), holder.getSubject());
        }
    }

    private static void checkValidAt(X509Certificate certificate, Date genTime) {
        try {
            certificate.checkValidity(genTime);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new SecurityCheckException(TimestampError.SIGNER_CERTIFICATE_NOT_VALID_AT_GEN_TIME, e,
                    certificate.getSubjectX500Principal().getName(), genTime.toInstant(),
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        }
    }

    private void checkChain(X509Certificate signer, TimeStampToken token, Date genTime) {
        if (anchors.contains(signer)) {
            return; // pinned: the TSA certificate itself is trusted
        }
        ByteBuffer key = encoded(signer);
        ValidSpan known = key == null ? null : chains.get(key);
        if (known != null && known.covers(genTime)) {
            return; // this very certificate chained to an anchor, through certificates all valid at genTime
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustAnchors, target);
            parameters.setRevocationEnabled(false); // see the class comment
            parameters.setDate(genTime); // the whole chain must have been valid when the token was made
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(intermediates(token))));
            PKIXCertPathBuilderResult built = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(parameters);
            if (key != null && chains.size() < REMEMBERED_CHAINS) {
                chains.put(key, ValidSpan.of(built.getCertPath().getCertificates()));
            }
        } catch (CertPathBuilderException e) {
            LOG.debug("TSA certificate serial {} does not chain to a trust anchor: {}",
                    signer.getSerialNumber().toString(16), e.getMessage());
            throw new SecurityCheckException(TimestampError.SIGNER_CERTIFICATE_UNTRUSTED, e,
                    signer.getSubjectX500Principal().getName(), signer.getIssuerX500Principal().getName());
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            // PKIX is mandatory on every Java SE platform and our parameters are well-formed: a broken JDK.
            throw new IllegalStateException("PKIX certificate path building is unavailable", e);
        }
    }

    private static ByteBuffer encoded(X509Certificate certificate) {
        try {
            return ByteBuffer.wrap(certificate.getEncoded());
        } catch (CertificateException e) {
            return null; // not remembered: the chain is built every time
        }
    }

    /** The time span in which all certificates of a built path are valid (the trust anchor is not part of it). */
    private record ValidSpan(long notBefore, long notAfter) {

        static ValidSpan of(List<? extends Certificate> path) {
            long from = Long.MIN_VALUE;
            long until = Long.MAX_VALUE;
            for (Certificate certificate : path) {
                X509Certificate x509 = (X509Certificate) certificate;
                from = Math.max(from, x509.getNotBefore().getTime());
                until = Math.min(until, x509.getNotAfter().getTime());
            }
            return new ValidSpan(from, until);
        }

        boolean covers(Date time) {
            return time.getTime() >= notBefore && time.getTime() <= notAfter;
        }
    }

    /** Certificates the TSA sent along; they may fill the gap between its certificate and a trusted CA. */
    private static List<X509Certificate> intermediates(TimeStampToken token) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509CertificateHolder holder : certificates(token, null)) {
            try {
                certificates.add(converter.getCertificate(holder));
            } catch (CertificateException e) {
                LOG.debug("skipping an unreadable certificate in a time-stamp token: {}", e.getMessage());
            }
        }
        return certificates;
    }

    private static void checkSignature(TimeStampToken token, X509CertificateHolder signer) {
        try {
            SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder().build(signer);
            // validate() checks the ESS signing-certificate attribute against the certificate and the signature.
            token.validate(verifier);
        } catch (TSPException | OperatorCreationException | CertificateException | RuntimeException e) {
            // Runtime exceptions included: Bouncy Castle throws them for malformed signed attributes.
            throw new SecurityCheckException(TimestampError.SIGNATURE_INVALID, e, serial(token), signer.getSubject());
        }
    }

    private static String serial(TimeStampToken token) {
        return token.getTimeStampInfo().getSerialNumber().toString(16);
    }
}
