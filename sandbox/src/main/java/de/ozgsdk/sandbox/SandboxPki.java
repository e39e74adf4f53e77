package de.ozgsdk.sandbox;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.sandbox.internal.KeyPool;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
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
 * A small certificate authority for the sandbox: it issues the TLS certificates of https mocks (for
 * {@code 127.0.0.1} and {@code localhost}) and client certificates for mutual TLS, on EC P-256 keys.
 *
 * <p>{@link #generate()} makes a fresh CA per run; {@link #of(PrivateKeyCredential)} uses a given one (e.g. a CA a
 * runnable sandbox shares with the portal under test). Clients trust the mocks through {@link #trust()}.
 */
public final class SandboxPki {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKeyCredential ca;
    private PrivateKeyCredential localServer;

    private SandboxPki(PrivateKeyCredential ca) {
        this.ca = ca;
    }

    /** A new CA with a fresh key, named {@code OZG Sandbox CA <random>}, valid from a day ago for a year. */
    public static SandboxPki generate() {
        Instant now = Instant.now();
        return generate(now.minus(BACKDATE), now.plus(VALIDITY));
    }

    /**
     * A new CA with a fresh key, valid from {@code notBefore} to {@code notAfter}: for mocks whose clock is not the
     * system's (a verifier checks the chain at the time a token or assertion was made, e.g. the time-stamp authority).
     */
    public static SandboxPki generate(Instant notBefore, Instant notAfter) {
        requireValidity(notBefore, notAfter);
        KeyPair keys = newKeyPair();
        X500Name name = name("OZG Sandbox CA " + Long.toHexString(RANDOM.nextLong()));
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys.getPrivate());
            return new SandboxPki(PrivateKeyCredential.of(keys.getPrivate(), List.of(certificate)));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("could not create the sandbox CA: " + e.getMessage(), e);
        }
    }

    /** A PKI issuing with the given CA key and certificate (its certificate must allow signing certificates). */
    public static SandboxPki of(PrivateKeyCredential ca) {
        Objects.requireNonNull(ca, "ca");
        if (ca.certificate().getBasicConstraints() < 0) {
            throw new ConfigurationException(SandboxError.CA_INVALID, ca.certificate().getSubjectX500Principal());
        }
        return new SandboxPki(ca);
    }

    /** The CA certificate: the trust anchor of every certificate this PKI issues. */
    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The CA's key and certificate, e.g. to run a later sandbox with the same trust anchor ({@link #of}). */
    public PrivateKeyCredential ca() {
        return ca;
    }

    /** The CA certificate as trust store: what a client trusts to reach the https mocks of this PKI. */
    public TrustedCertificates trust() {
        return TrustedCertificates.of(List.of(ca.certificate()));
    }

    /** The server credential for {@code 127.0.0.1} and {@code localhost}, issued once and shared by the mocks. */
    public synchronized PrivateKeyCredential localServer() {
        if (localServer == null) {
            localServer = issueServer("localhost", "127.0.0.1");
        }
        return localServer;
    }

    /** A TLS server credential for the given host names and IPv4 addresses; the first is the common name. */
    public PrivateKeyCredential issueServer(String... hosts) {
        if (hosts.length == 0) {
            throw new IllegalArgumentException("issueServer needs at least one host name or IP address");
        }
        List<GeneralName> names = new ArrayList<>();
        for (String host : hosts) {
            names.add(new GeneralName(IPV4.matcher(host).matches() ? GeneralName.iPAddress : GeneralName.dNSName,
                    host));
        }
        return issue(hosts[0], KeyPurposeId.id_kp_serverAuth, new GeneralNames(names.toArray(GeneralName[]::new)));
    }

    /** A TLS client credential (for mutual TLS) with common name {@code commonName}. */
    public PrivateKeyCredential issueClient(String commonName) {
        return issue(commonName, KeyPurposeId.id_kp_clientAuth, null);
    }

    /**
     * A time-stamping credential (RFC 3161, 2.3: the one extended key usage id-kp-timeStamping, critical) with common
     * name {@code commonName}, valid from {@code notBefore} to {@code notAfter}: the signer of the time-stamp
     * authority mock (an expired one too, to test that verifiers refuse it).
     */
    public PrivateKeyCredential issueTimeStamping(String commonName, Instant notBefore, Instant notAfter) {
        requireValidity(notBefore, notAfter);
        return issue(commonName, KeyPurposeId.id_kp_timeStamping, true, null, notBefore, notAfter);
    }

    /**
     * A fresh self-signed RSA 2048 key and certificate valid for two years, as SAML parties use them for signing
     * and encryption (pinned in metadata, not chained to a CA): the Servicekonto IdP mock's key, or a test
     * portal's SP key.
     */
    public static PrivateKeyCredential selfSignedRsa(String commonName) {
        Objects.requireNonNull(commonName, "commonName");
        try {
            KeyPair keys = KeyPool.rsa(2048);
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name(commonName), serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(Duration.ofDays(730))), name(commonName),
                    keys.getPublic());
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            return PrivateKeyCredential.of(keys.getPrivate(), List.of(sign(builder, keys.getPrivate())));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("could not create an RSA key for " + commonName + ": " + e.getMessage(),
                    e);
        }
    }

    private PrivateKeyCredential issue(String commonName, KeyPurposeId purpose, GeneralNames subjectAltNames) {
        Instant now = Instant.now();
        return issue(commonName, purpose, false, subjectAltNames, now.minus(BACKDATE), now.plus(VALIDITY));
    }

    private PrivateKeyCredential issue(String commonName, KeyPurposeId purpose, boolean purposeCritical,
            GeneralNames subjectAltNames, Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(commonName, "commonName");
        KeyPair keys = newKeyPair();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                    Date.from(notBefore), Date.from(notAfter), name(commonName), keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, purposeCritical, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            if (subjectAltNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames);
            }
            X509Certificate certificate = sign(builder, ca.privateKey());
            return PrivateKeyCredential.of(keys.getPrivate(), List.of(certificate, ca.certificate()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("could not issue a sandbox certificate for " + commonName + ": "
                    + e.getMessage(), e);
        }
    }

    private static void requireValidity(Instant notBefore, Instant notAfter) {
        if (!Objects.requireNonNull(notAfter, "notAfter").isAfter(Objects.requireNonNull(notBefore, "notBefore"))) {
            throw new IllegalArgumentException("certificate validity ends (" + notAfter + ") before it begins ("
                    + notBefore + ")");
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException {
        try {
            String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 keys unavailable in this JDK: " + e.getMessage(), e);
        }
    }

    private static X500Name name(String commonName) {
        // most significant first, so the JDK prints "CN=…, O=OZG SDK sandbox"
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "OZG SDK sandbox")
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return "SandboxPki[" + ca.certificate().getSubjectX500Principal() + "]";
    }
}
