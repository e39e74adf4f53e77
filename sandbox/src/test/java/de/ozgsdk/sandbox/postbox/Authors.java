package de.ozgsdk.sandbox.postbox;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Author credentials of the ZBP envelope for tests: RSA 2048 with a self-signed certificate. */
public final class Authors {

    private Authors() {
    }

    /** A fresh RSA 2048 key with a certificate for {@code commonName}, valid from yesterday for 30 days. */
    public static PrivateKeyCredential generate(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + commonName + ",O=Stadt Musterstadt,C=DE");
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                            Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                            subject, pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return PrivateKeyCredential.of(pair.getPrivate(), List.of(certificate));
        } catch (Exception e) {
            throw new AssertionError("generating the author credential failed", e);
        }
    }
}
