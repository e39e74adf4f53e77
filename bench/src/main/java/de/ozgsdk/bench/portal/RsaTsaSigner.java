package de.ozgsdk.bench.portal;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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

/**
 * The bench TSA's signer: an RSA 3072 time-stamping key and certificate under an RSA 3072 root, because qualified
 * German TSAs sign with RSA of at least 3000 bits (BSI TR-02102-1 since 2023), not with the sandbox's EC P-256 default.
 */
final class RsaTsaSigner {

    private static final int BITS = 3072;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RsaTsaSigner() {
    }

    /** A fresh CA and TSA credential (chain: TSA certificate, CA certificate), valid around now. */
    static PrivateKeyCredential generate() {
        try {
            Instant now = Instant.now();
            KeyPair caKeys = keys();
            X500Name caName = new X500Name("CN=Bench TSA CA,O=OZG SDK bench");
            JcaX509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(),
                    Date.from(now.minus(Duration.ofDays(365))), Date.from(now.plus(Duration.ofDays(3650))), caName,
                    caKeys.getPublic());
            ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate caCertificate = sign(ca, caKeys, caKeys);
            KeyPair tsaKeys = keys();
            JcaX509v3CertificateBuilder tsa = new JcaX509v3CertificateBuilder(caName, serial(),
                    Date.from(now.minus(Duration.ofDays(30))), Date.from(now.plus(Duration.ofDays(365))),
                    new X500Name("CN=Bench TSA,O=OZG SDK bench"), tsaKeys.getPublic());
            tsa.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            tsa.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            // RFC 3161 2.3: the one extended key usage id-kp-timeStamping, critical
            tsa.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            X509Certificate tsaCertificate = sign(tsa, tsaKeys, caKeys);
            return PrivateKeyCredential.of(tsaKeys.getPrivate(), List.of(tsaCertificate, caCertificate));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("could not create the bench TSA's RSA key: " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair subject, KeyPair issuer)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subject.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                utils.createAuthorityKeyIdentifier(issuer.getPublic()));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(BITS, RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }
}
