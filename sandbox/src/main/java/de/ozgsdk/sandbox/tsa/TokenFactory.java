package de.ozgsdk.sandbox.tsa;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.sandbox.SandboxError;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.sandbox.tsa.TimestampAuthorityMock.Error;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPUtil;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * The TSA's Bouncy Castle side: reads {@code TimeStampReq}s, refuses what RFC 3161 lets a TSA refuse, and signs
 * {@code TimeStampResp}s, correct ones or the ones an {@link Error} asks for. Thread-safe: a token generator is
 * built per request.
 */
final class TokenFactory {

    private static final Map<ASN1ObjectIdentifier, String> HASHES = Map.of(TSPAlgorithms.SHA256, "SHA-256",
            TSPAlgorithms.SHA384, "SHA-384", TSPAlgorithms.SHA512, "SHA-512");
    private static final String SIGNER_NAME = "OZG Sandbox TSA";

    private final PrivateKeyCredential signer;
    private final SandboxPki pki;
    private final ASN1ObjectIdentifier policy;
    private final Set<ASN1ObjectIdentifier> acceptedPolicies;
    private final Duration accuracy;
    private volatile PrivateKeyCredential foreignSigner;

    TokenFactory(PrivateKeyCredential signer, SandboxPki pki, ASN1ObjectIdentifier policy,
            Set<ASN1ObjectIdentifier> acceptedPolicies, Duration accuracy) {
        this.signer = signer;
        this.pki = pki;
        this.policy = policy;
        this.acceptedPolicies = Set.copyOf(acceptedPolicies);
        this.accuracy = accuracy;
    }

    /** A token and its reply, as sent. */
    record Granted(byte[] reply, IssuedTimestamp issued) {
    }

    /** The query in {@code der}, or empty if it is none. */
    static Optional<TimeStampRequest> parse(byte[] der) {
        if (der.length == 0) {
            return Optional.empty();
        }
        try {
            TimeStampRequest request = new TimeStampRequest(der);
            request.getMessageImprintDigest(); // a request without imprint fails here, not later
            return Optional.of(request);
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports malformed ASN.1 with runtime exceptions of several types: all mean "no query"
            return Optional.empty();
        }
    }

    /** {@code SHA-256}, {@code SHA-384}, {@code SHA-512}, or the dotted OID of another algorithm. */
    static String hashName(ASN1ObjectIdentifier algorithm) {
        return HASHES.getOrDefault(algorithm, algorithm.getId());
    }

    /** Refuses a signer the mock cannot use: no time-stamping certificate (RFC 3161 2.3), or neither RSA nor EC. */
    static void requireTimeStampingSigner(PrivateKeyCredential credential) {
        X509Certificate certificate = credential.certificate();
        try {
            TSPUtil.validateCertificate(new JcaX509CertificateHolder(certificate));
        } catch (TSPValidationException | GeneralSecurityException e) {
            throw new ConfigurationException(SandboxError.TSA_SIGNER_INVALID, certificate.getSubjectX500Principal(),
                    e.getMessage());
        }
        signatureAlgorithm(credential);
    }

    PrivateKeyCredential signer() {
        return signer;
    }

    /** A {@code TimeStampResp} with PKIStatus rejection, {@code failInfo} and {@code text}. */
    byte[] rejection(int failInfo, String text) {
        PKIStatusInfo status = new PKIStatusInfo(PKIStatus.rejection, new PKIFreeText(text),
                new PKIFailureInfo(failInfo));
        return encode(new TimeStampResp(status, null));
    }

    /** The rejection RFC 3161 prescribes for a query the TSA does not serve, if it is one. */
    Optional<byte[]> refusal(TimeStampRequest request) {
        if (request.getVersion() != 1) {
            return Optional.of(rejection(PKIFailureInfo.badDataFormat, "TimeStampReq version must be 1 (v1), was "
                    + request.getVersion()));
        }
        try {
            // an empty set of extensions: the mock knows none, so any requested one is refused (unacceptedExtension)
            request.validate(HASHES.keySet(), acceptedPolicies, Set.of());
            return Optional.empty();
        } catch (TSPException e) {
            int failInfo = e instanceof TSPValidationException invalid ? invalid.getFailureCode()
                    : PKIFailureInfo.badRequest;
            return Optional.of(rejection(failInfo, explain(failInfo, request, e.getMessage())));
        }
    }

    /** Signs a token for {@code request} (already checked by {@link #refusal}), shaped by {@code error} if given. */
    Granted grant(TimeStampRequest request, Error error, BigInteger serial, Instant genTime) {
        try {
            PrivateKeyCredential signing = signerFor(error, genTime);
            ASN1ObjectIdentifier tokenPolicy = error == Error.OTHER_POLICY ? policy.branch("99") : policy;
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build(signatureAlgorithm(signing),
                            signing.privateKey(), signing.certificate()),
                    new JcaDigestCalculatorProviderBuilder().build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    tokenPolicy);
            if (error != Error.NO_CERTIFICATE) {
                // the generator puts them into the token only if the request sets certReq
                generator.addCertificates(new JcaCertStore(certificatesOf(signing)));
            }
            generator.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
            generator.setTSA(new GeneralName(X500Name.getInstance(
                    signing.certificate().getSubjectX500Principal().getEncoded())));
            setAccuracy(generator);
            TimeStampResponse response = new TimeStampResponseGenerator(generator, HASHES.keySet(), acceptedPolicies,
                    Set.of()).generateGrantedResponse(asSigned(request, error), serial, Date.from(genTime));
            return new Granted(damage(response.getEncoded(), error), issued(response.getTimeStampToken(), error));
        } catch (TSPException | OperatorCreationException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the TSA mock could not sign a token: " + e.getMessage(), e);
        }
    }

    private PrivateKeyCredential signerFor(Error error, Instant genTime) {
        if (error == Error.EXPIRED_CERTIFICATE) {
            return pki.issueTimeStamping(SIGNER_NAME, genTime.minus(Duration.ofDays(400)),
                    genTime.minus(Duration.ofDays(1)));
        }
        if (error == Error.UNTRUSTED_SIGNER) {
            return foreignSigner(genTime);
        }
        return signer;
    }

    private PrivateKeyCredential foreignSigner(Instant genTime) {
        PrivateKeyCredential foreign = foreignSigner;
        if (foreign == null || !foreign.isValidAt(genTime)) {
            SandboxPki stranger = SandboxPki.generate(genTime.minus(Duration.ofDays(365)),
                    genTime.plus(Duration.ofDays(3650)));
            foreign = stranger.issueTimeStamping(SIGNER_NAME, genTime.minus(Duration.ofDays(30)),
                    genTime.plus(Duration.ofDays(365)));
            foreignSigner = foreign;
        }
        return foreign;
    }

    /** The request as the faulty TSA reads it: another nonce, none, another imprint, no requested policy. */
    private TimeStampRequest asSigned(TimeStampRequest request, Error error) {
        if (error != Error.WRONG_NONCE && error != Error.MISSING_NONCE && error != Error.WRONG_IMPRINT
                && error != Error.OTHER_POLICY) {
            return request;
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(request.getCertReq());
        if (request.getReqPolicy() != null && error != Error.OTHER_POLICY) {
            generator.setReqPolicy(request.getReqPolicy());
        }
        byte[] digest = request.getMessageImprintDigest().clone();
        if (error == Error.WRONG_IMPRINT) {
            digest[0] ^= 0x01;
        }
        ASN1ObjectIdentifier algorithm = request.getMessageImprintAlgOID();
        if (error == Error.MISSING_NONCE || request.getNonce() == null) {
            return generator.generate(algorithm, digest);
        }
        BigInteger nonce = error == Error.WRONG_NONCE ? request.getNonce().add(BigInteger.ONE) : request.getNonce();
        return generator.generate(algorithm, digest, nonce);
    }

    /**
     * BAD_SIGNATURE flips the reply's last byte: the last byte of the SignerInfo's signature, since the generator
     * adds no unsigned attributes; the reply stays well-formed DER. MALFORMED_REPLY cuts the reply in half.
     */
    private static byte[] damage(byte[] reply, Error error) {
        if (error == Error.BAD_SIGNATURE) {
            byte[] damaged = reply.clone();
            damaged[damaged.length - 1] ^= 0x01;
            return damaged;
        }
        if (error == Error.MALFORMED_REPLY) {
            return Arrays.copyOf(reply, reply.length / 2);
        }
        return reply;
    }

    private static IssuedTimestamp issued(TimeStampToken token, Error error) {
        TimeStampTokenInfo info = token.getTimeStampInfo();
        return new IssuedTimestamp(info.getSerialNumber(), info.getGenTime().toInstant(),
                hashName(info.getMessageImprintAlgOID()), HexFormat.of().formatHex(info.getMessageImprintDigest()),
                Optional.ofNullable(info.getNonce()), info.getPolicy().getId(),
                !token.getCertificates().getMatches(null).isEmpty(),
                Optional.ofNullable(error).map(Enum::name));
    }

    /** The signer's certificate and its issuers, without a self-signed root (the verifier has that one). */
    private static List<X509Certificate> certificatesOf(PrivateKeyCredential credential) {
        List<X509Certificate> certificates = new ArrayList<>(credential.chain());
        X509Certificate last = certificates.get(certificates.size() - 1);
        if (certificates.size() > 1 && last.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
            certificates.remove(certificates.size() - 1);
        }
        return certificates;
    }

    private void setAccuracy(TimeStampTokenGenerator generator) {
        if (accuracy.isZero()) {
            return;
        }
        if (accuracy.getSeconds() > 0) {
            generator.setAccuracySeconds((int) Math.min(Integer.MAX_VALUE, accuracy.getSeconds()));
        }
        if (accuracy.toMillisPart() > 0) {
            generator.setAccuracyMillis(accuracy.toMillisPart());
        }
        int micros = accuracy.getNano() / 1_000 % 1_000;
        if (micros > 0) {
            generator.setAccuracyMicros(micros);
        }
    }

    private static String signatureAlgorithm(PrivateKeyCredential credential) {
        return switch (credential.privateKey().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> throw new ConfigurationException(SandboxError.TSA_SIGNER_INVALID,
                    credential.certificate().getSubjectX500Principal(),
                    "key algorithm " + credential.privateKey().getAlgorithm() + " (RSA or EC needed)");
        };
    }

    private String explain(int failInfo, TimeStampRequest request, String detail) {
        return switch (failInfo) {
            case PKIFailureInfo.badAlg -> "hash algorithm " + hashName(request.getMessageImprintAlgOID())
                    + " not accepted; use SHA-256, SHA-384 or SHA-512";
            case PKIFailureInfo.unacceptedPolicy -> "policy " + request.getReqPolicy()
                    + " not accepted; this TSA issues under " + acceptedPolicies;
            default -> detail;
        };
    }

    private static byte[] encode(TimeStampResp response) {
        try {
            return response.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a TimeStampResp built in memory", e);
        }
    }
}
