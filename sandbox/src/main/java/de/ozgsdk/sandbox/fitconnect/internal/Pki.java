package de.ozgsdk.sandbox.fitconnect.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import de.ozgsdk.sandbox.internal.KeyPool;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate authority a delivery service mock generates per run: its root is the trust anchor against which a
 * sender validates the {@code x5c} chain of a destination key.
 */
public final class Pki {

    /** FIT-Connect keys (JWK schema: modulus of at least 683 base64url characters) are RSA with 4096 bits. */
    public static final int RSA_BITS = 4096;

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xffffffL);

    private final KeyPair caKeys;
    private final X509Certificate caCertificate;
    private final Clock clock;

    private Pki(KeyPair caKeys, X509Certificate caCertificate, Clock clock) {
        this.caKeys = caKeys;
        this.caCertificate = caCertificate;
        this.clock = clock;
    }

    /** A new root CA named {@code commonName}, valid from a day before the clock's now for ten years. */
    public static Pki generate(String commonName, Clock clock) {
        KeyPair keys = rsaKeyPair();
        X500Name name = name(commonName);
        Instant now = clock.instant();
        X509Certificate certificate = sign(keys, name, keys, name, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3650)), builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
        return new Pki(keys, certificate, clock);
    }

    /** A new RSA key pair of {@link #RSA_BITS} bits. */
    public static KeyPair rsaKeyPair() {
        return KeyPool.rsa(RSA_BITS);
    }

    /** The root certificate: the trust anchor of every key this PKI issued. */
    public X509Certificate trustAnchor() {
        return caCertificate;
    }

    /**
     * An end-entity certificate for {@code keys}, valid for two years from a day before now; key usage
     * keyEncipherment for encryption keys, digitalSignature for signature keys.
     */
    public X509Certificate issue(KeyPair keys, String commonName, boolean forEncryption) {
        Instant now = clock.instant();
        X500Name issuer = X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
        int usage = forEncryption ? KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
        return sign(keys, name(commonName), caKeys, issuer, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(730)), builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
                });
    }

    private static X500Name name(String commonName) {
        return new X500Name("CN=" + commonName + ",O=OZG SDK Sandbox");
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException;
    }

    private static X509Certificate sign(KeyPair subjectKeys, X500Name subject, KeyPair issuerKeys, X500Name issuer,
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
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA512withRSA").build(issuerKeys.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("the sandbox PKI could not issue a certificate for " + subject, e);
        }
    }
}
