package de.ozgsdk.http.timestamp;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A small PKI made in memory for the tests: CAs and TSA certificates with EC P-256 keys. */
public final class TestPki {

    /** A key pair with its certificate. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
    }

    /** How the extended key usage of a TSA certificate is set. */
    public enum Usage {
        /** RFC 3161: critical, id-kp-timeStamping only. */
        TIME_STAMPING,
        /** No extended key usage at all. */
        NONE,
        /** id-kp-timeStamping, but not critical. */
        TIME_STAMPING_NOT_CRITICAL
    }

    private static final AtomicLong SERIALS = new AtomicLong(1000);

    /** The tests' "now": the fake TSA's genTime and the client's clock. */
    static final Instant NOW = Instant.parse("2025-03-14T09:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final Issued CA = rootCa("Test TSA CA", NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(3650)));
    static final Issued TSA = tsa(CA, "Test TSA 1", NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(365)),
            Usage.TIME_STAMPING);
    static final Issued OTHER_CA = rootCa("Other CA", NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(3650)));
    static final Issued TSA_OF_OTHER_CA = tsa(OTHER_CA, "Test TSA 1", NOW.minus(Duration.ofDays(30)),
            NOW.plus(Duration.ofDays(365)), Usage.TIME_STAMPING);
    static final Issued TSA_WITHOUT_USAGE = tsa(CA, "Signer without usage", NOW.minus(Duration.ofDays(30)),
            NOW.plus(Duration.ofDays(365)), Usage.NONE);
    static final Issued TSA_USAGE_NOT_CRITICAL = tsa(CA, "Signer with non-critical usage",
            NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(365)), Usage.TIME_STAMPING_NOT_CRITICAL);
    static final Issued INTERMEDIATE_CA = intermediateCa(CA, "Test TSA Sub-CA", NOW.minus(Duration.ofDays(365)),
            NOW.plus(Duration.ofDays(1825)));
    static final Issued TSA_OF_INTERMEDIATE_CA = tsa(INTERMEDIATE_CA, "Test TSA 2", NOW.minus(Duration.ofDays(30)),
            NOW.plus(Duration.ofDays(365)), Usage.TIME_STAMPING);
    static final Issued TSA_EXPIRED = tsa(CA, "Expired TSA", NOW.minus(Duration.ofDays(400)),
            NOW.minus(Duration.ofDays(35)), Usage.TIME_STAMPING);

    private TestPki() {
    }

    public static Issued rootCa(String commonName, Instant notBefore, Instant notAfter) {
        KeyPair keys = newKeyPair();
        X500Name name = new X500Name("CN=" + commonName + ",O=OZG SDK Test");
        return sign(keys, name, keys, name, notBefore, notAfter, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
    }

    static Issued intermediateCa(Issued ca, String commonName, Instant notBefore, Instant notAfter) {
        KeyPair keys = newKeyPair();
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        return sign(keys, new X500Name("CN=" + commonName + ",O=OZG SDK Test"), ca.keys(), issuer,
                notBefore, notAfter, builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
    }

    public static Issued tsa(Issued ca, String commonName, Instant notBefore, Instant notAfter, Usage usage) {
        KeyPair keys = newKeyPair();
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        return sign(keys, new X500Name("CN=" + commonName + ",O=OZG SDK Test"), ca.keys(), issuer,
                notBefore, notAfter, builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    if (usage != Usage.NONE) {
                        builder.addExtension(Extension.extendedKeyUsage, usage == Usage.TIME_STAMPING,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                    }
                });
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException;
    }

    private static Issued sign(KeyPair subjectKeys, X500Name subject, KeyPair issuerKeys, X500Name issuer,
            Instant notBefore, Instant notAfter, Extensions extensions) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    subject, subjectKeys.getPublic());
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            extensions.add(builder);
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
            return new Issued(subjectKeys, certificate);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
