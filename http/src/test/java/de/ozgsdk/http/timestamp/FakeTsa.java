package de.ozgsdk.http.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPUtil;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import de.ozgsdk.http.timestamp.TestPki.Issued;

/**
 * A working RFC 3161 time-stamp authority for MockWebServer: it reads the {@code TimeStampReq}, signs a token with
 * Bouncy Castle's {@link TimeStampTokenGenerator} at the time of its clock, and can be told to misbehave.
 */
public final class FakeTsa extends Dispatcher {

    static final String DEFAULT_POLICY = "1.2.3.4.1";

    /** How the TSA misbehaves. */
    enum Fault {
        NONE,
        /** Signs the request with another nonce. */
        OTHER_NONCE,
        /** Signs another digest. */
        OTHER_IMPRINT,
        /** Answers PKIStatus rejection with failInfo badAlg. */
        REJECTION,
        /** Answers PKIStatus rejection with failInfo systemFailure. */
        SYSTEM_FAILURE,
        /** Answers HTTP 500. */
        HTTP_500,
        /** Answers bytes that are not DER with the right content type. */
        GARBAGE,
        /** Answers an HTML page. */
        HTML,
        /** Answers more than 1 MiB. */
        OVERSIZE,
        /** Ignores the requested policy and issues the token under its own. */
        OTHER_POLICY,
        /** Leaves the signing certificate out of the token although the request asks for it. */
        NO_CERTIFICATE
    }

    private final Clock clock;
    private final AtomicLong serials = new AtomicLong(0x5000);
    private volatile Issued signer;
    private volatile List<X509Certificate> chain;
    private volatile String policy = DEFAULT_POLICY;
    private volatile Fault fault = Fault.NONE;

    public FakeTsa(Clock clock, Issued signer) {
        this.clock = clock;
        signWith(signer);
    }

    /** Signs with {@code signer} and puts its certificate and the {@code issuers} given into tokens. */
    void signWith(Issued signer, X509Certificate... issuers) {
        List<X509Certificate> certificates = new ArrayList<>();
        certificates.add(signer.certificate());
        certificates.addAll(List.of(issuers));
        this.signer = signer;
        this.chain = List.copyOf(certificates);
    }

    void fault(Fault fault) {
        this.fault = fault;
    }

    void policy(String policy) {
        this.policy = policy;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            return answer(request);
        } catch (IOException | GeneralSecurityException | TSPException | OperatorCreationException
                 | CMSException e) {
            throw new IllegalStateException("the fake TSA failed", e);
        }
    }

    private MockResponse answer(RecordedRequest recorded) throws IOException, GeneralSecurityException,
            TSPException, OperatorCreationException, CMSException {
        switch (fault) {
            case HTTP_500:
                return new MockResponse.Builder().code(500).body("internal error").build();
            case GARBAGE:
                return reply(new byte[] {0x30, (byte) 0x82, 0x7f, 0x00, 0x01, 0x02});
            case HTML:
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                        .body("<html>login</html>").build();
            case OVERSIZE:
                return reply(new byte[(int) TimestampClient.MAX_RESPONSE_BYTES + 1]);
            default:
                break;
        }
        TimeStampRequest request = new TimeStampRequest(recorded.getBody().toByteArray());
        return reply(respond(request));
    }

    /** The DER-encoded {@code TimeStampResp} this TSA gives for {@code request}. */
    byte[] respond(TimeStampRequest request) throws IOException, GeneralSecurityException, TSPException,
            OperatorCreationException, CMSException {
        Date genTime = Date.from(clock.instant());
        BigInteger serial = BigInteger.valueOf(serials.incrementAndGet());
        if (fault == Fault.REJECTION || fault == Fault.SYSTEM_FAILURE) {
            int failInfo = fault == Fault.REJECTION ? PKIFailureInfo.badAlg : PKIFailureInfo.systemFailure;
            return responseGenerator().generateFailResponse(PKIStatus.REJECTION, failInfo, "not today").getEncoded();
        }
        TimeStampRequest signed = tamper(request);
        X509CertificateHolder holder = new X509CertificateHolder(signer.certificate().getEncoded());
        if (!hasTimeStampingUsage(holder)) {
            // Bouncy Castle's generator refuses such a certificate, so build the CMS structure by hand.
            return handMadeResponse(signed, serial, genTime);
        }
        return responseGenerator().generate(signed, serial, genTime).getEncoded();
    }

    private TimeStampResponseGenerator responseGenerator() throws GeneralSecurityException, TSPException,
            OperatorCreationException {
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signerInfo(null),
                new JcaDigestCalculatorProviderBuilder().build()
                        .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier(policy));
        if (fault != Fault.NO_CERTIFICATE) {
            tokens.addCertificates(new JcaCertStore(chain));
        }
        return new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    }

    private SignerInfoGenerator signerInfo(AttributeTable signedAttributes)
            throws GeneralSecurityException, OperatorCreationException {
        JcaSimpleSignerInfoGeneratorBuilder builder = new JcaSimpleSignerInfoGeneratorBuilder();
        if (signedAttributes != null) {
            builder.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signedAttributes));
        }
        return builder.build("SHA256withECDSA", signer.keys().getPrivate(), signer.certificate());
    }

    /** The request as the misbehaving TSA understands it. */
    private TimeStampRequest tamper(TimeStampRequest request) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(request.getCertReq());
        if (request.getReqPolicy() != null && fault != Fault.OTHER_POLICY) {
            generator.setReqPolicy(request.getReqPolicy());
        }
        byte[] digest = request.getMessageImprintDigest();
        BigInteger nonce = request.getNonce();
        if (fault == Fault.OTHER_NONCE) {
            nonce = nonce.add(BigInteger.ONE);
        }
        if (fault == Fault.OTHER_IMPRINT) {
            digest = digest.clone();
            digest[0] ^= 0x01;
        }
        return generator.generate(request.getMessageImprintAlgOID(), digest, nonce);
    }

    private static boolean hasTimeStampingUsage(X509CertificateHolder certificate) {
        try {
            TSPUtil.validateCertificate(certificate);
            return true;
        } catch (TSPValidationException e) {
            return false;
        }
    }

    /** A granted response built without {@link TimeStampTokenGenerator}, which checks the certificate's usage. */
    private byte[] handMadeResponse(TimeStampRequest request, BigInteger serial, Date genTime)
            throws IOException, GeneralSecurityException, OperatorCreationException, CMSException {
        TSTInfo info = new TSTInfo(new ASN1ObjectIdentifier(policy),
                new MessageImprint(request.getMessageImprintAlgID(), request.getMessageImprintDigest()),
                new ASN1Integer(serial), new ASN1GeneralizedTime(genTime), null, ASN1Boolean.FALSE,
                new ASN1Integer(request.getNonce()), null, null);
        byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(signer.certificate().getEncoded());
        Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2(certificateHash))));
        // Bouncy Castle's reader insists that a signing-time attribute, which the generator adds, equals genTime.
        AttributeTable signedAttributes = new AttributeTable(signingCertificate)
                .add(CMSAttributes.signingTime, new Time(genTime));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(signerInfo(signedAttributes));
        generator.addCertificates(new JcaCertStore(chain));
        CMSSignedData token = generator.generate(
                new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo, info.getEncoded(ASN1Encoding.DER)),
                true);
        return new TimeStampResp(new PKIStatusInfo(PKIStatus.granted), token.toASN1Structure())
                .getEncoded(ASN1Encoding.DER);
    }

    private static MockResponse reply(byte[] body) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/timestamp-reply")
                .body(new Buffer().write(body))
                .build();
    }
}
