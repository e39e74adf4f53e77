package de.ozgsdk.xoev.message;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A time-stamp authority in memory for the tests, built with Bouncy Castle: a CA and a TSA certificate (EC P-256,
 * critical extended key usage timeStamping) and real RFC 3161 tokens over a given SHA-256 digest, or answers to the
 * requests of a {@code TimestampClient} (for the snippet tests, which serve them from MockWebServer).
 */
public final class TestTsa {

    private static final Instant NOW = Instant.parse("2025-03-14T09:30:01Z");

    private final KeyPair caKeys = keys();
    private final X509Certificate ca;
    private final KeyPair tsaKeys = keys();
    private final X509Certificate tsa;

    public TestTsa(String name) throws Exception {
        X500Name caName = new X500Name("CN=" + name + " CA,O=OZG SDK Test");
        ca = certificate(caName, caKeys, caName, caKeys, true);
        tsa = certificate(new X500Name("CN=" + name + ",O=OZG SDK Test"), tsaKeys, caName, caKeys, false);
    }

    public X509Certificate ca() {
        return ca;
    }

    /** The DER-encoded TimeStampToken over {@code sha256}, issued at {@link #NOW}. */
    byte[] stamp(byte[] sha256) throws Exception {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        return tokens().generate(requests.generate(TSPAlgorithms.SHA256, sha256, BigInteger.TEN),
                BigInteger.valueOf(4711), Date.from(NOW)).getEncoded();
    }

    /** The DER-encoded TimeStampResp to a DER-encoded TimeStampReq (nonce echoed), granted at {@link #NOW}. */
    public byte[] respond(byte[] timeStampRequest) throws Exception {
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens(), TSPAlgorithms.ALLOWED);
        return responses.generate(new TimeStampRequest(timeStampRequest), BigInteger.valueOf(4712), Date.from(NOW))
                .getEncoded();
    }

    private TimeStampTokenGenerator tokens() throws Exception {
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", tsaKeys.getPrivate(), tsa),
                new JcaDigestCalculatorProviderBuilder().build()
                        .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.2.3.4.1"));
        generator.addCertificates(new JcaCertStore(List.of(tsa)));
        return generator;
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer,
            KeyPair issuerKeys, boolean ca) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(System.nanoTime()), Date.from(NOW.minusSeconds(86_400)), Date.from(NOW.plusSeconds(365L * 86_400)), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, true,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
