package de.ozgsdk.core.crypto;

import de.ozgsdk.core.internal.crypto.BouncyCastle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import okhttp3.tls.Certificates;
import okhttp3.tls.HeldCertificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObject;

/** Writes keys and certificates that tests generate into PEM and PKCS#12 files, in the formats users bring. */
public final class TestPki {

    private TestPki() {
    }

    /** A certificate authority (EC P-256) that may sign one level of leaf certificates. */
    public static HeldCertificate certificateAuthority(String name) {
        return new HeldCertificate.Builder().commonName(name).certificateAuthority(0).ecdsa256()
                .duration(1, TimeUnit.DAYS).build();
    }

    /** An EC leaf certificate for {@code localhost} and 127.0.0.1 signed by {@code issuer}. */
    public static HeldCertificate leaf(String name, HeldCertificate issuer) {
        return new HeldCertificate.Builder().commonName(name).addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1").signedBy(issuer).ecdsa256()
                .duration(1, TimeUnit.DAYS).build();
    }

    public static Path writePem(Path file, String... blocks) throws IOException {
        return Files.writeString(file, String.join("", blocks), StandardCharsets.US_ASCII);
    }

    public static String certificatePem(X509Certificate certificate) {
        return Certificates.certificatePem(certificate);
    }

    /** Writes a PKCS#12 file with one key entry, the key protected by the store password as keytool does. */
    public static Path writePkcs12(Path file, char[] password, String alias, HeldCertificate leaf,
            X509Certificate... issuers) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        addKeyEntry(store, password, alias, leaf, issuers);
        return store(store, file, password);
    }

    public static void addKeyEntry(KeyStore store, char[] password, String alias, HeldCertificate leaf,
            X509Certificate... issuers) throws GeneralSecurityException {
        X509Certificate[] chain = new X509Certificate[issuers.length + 1];
        chain[0] = leaf.certificate();
        System.arraycopy(issuers, 0, chain, 1, issuers.length);
        store.setKeyEntry(alias, leaf.keyPair().getPrivate(), password, chain);
    }

    public static Path store(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    /** {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}: PKCS#8 with PBES2, AES-256-CBC and PBKDF2-HMAC-SHA256. */
    public static String encryptedPkcs8Pem(PrivateKey key, char[] password) throws IOException {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256).setProvider(BouncyCastle.provider())
                    .setPassword(password).build();
            return pem(new JcaPKCS8Generator(key, encryptor));
        } catch (OperatorCreationException e) {
            throw new IOException(e);
        }
    }

    /**
     * SEC1 {@code EC PRIVATE KEY} as OpenSSL writes it, with the named curve inside the structure (Bouncy Castle's
     * generic writer leaves it out for JDK keys, which makes the file unreadable for everyone).
     */
    public static String sec1Pem(PrivateKey ecKey) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(ecKey.getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ECPrivateKey withCurve = new ECPrivateKey(256, inner.getKey(),
                (org.bouncycastle.asn1.ASN1Encodable) info.getPrivateKeyAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", withCurve.getEncoded()));
    }

    /** OpenSSL's legacy encrypted traditional format with {@code Proc-Type: 4,ENCRYPTED} and AES-128-CBC. */
    public static String legacyEncryptedPem(PrivateKey key, char[] password) throws IOException {
        return pem(new JcaMiscPEMGenerator(key,
                new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BouncyCastle.provider()).build(password)));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object instanceof org.bouncycastle.util.io.pem.PemObjectGenerator generator
                    ? generator.generate() : object);
        }
        return text.toString();
    }
}
