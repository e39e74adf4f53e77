package de.ozgsdk.core.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.tls.Certificates;
import okhttp3.tls.HeldCertificate;

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
        return convertWithOpenSsl(key, password, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256");
    }

    /** SEC1 {@code EC PRIVATE KEY} as OpenSSL writes it, with the named curve inside the structure. */
    public static String sec1Pem(PrivateKey ecKey) throws IOException {
        return convertWithOpenSsl(ecKey, null, "pkey", "-traditional");
    }

    /** OpenSSL's legacy encrypted traditional format with {@code Proc-Type: 4,ENCRYPTED} and AES-128-CBC. */
    public static String legacyEncryptedPem(PrivateKey key, char[] password) throws IOException {
        return convertWithOpenSsl(key, password, "pkey", "-traditional", "-aes-128-cbc");
    }

    /** {@code -----BEGIN PRIVATE KEY-----} (RFC 7468) of a JDK key. */
    public static String pkcs8Pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** Lets openssl rewrite {@code key} (given as PKCS#8) with {@code command}, encrypting with {@code password}. */
    private static String convertWithOpenSsl(PrivateKey key, char[] password, String... command) throws IOException {
        Path dir = Files.createTempDirectory("ozg-test-pki");
        try {
            Files.writeString(dir.resolve("in.pem"), pkcs8Pem(key), StandardCharsets.US_ASCII);
            OpenSsl openssl = new OpenSsl(dir);
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("-in", "in.pem", "-out", "out.pem"));
            if (password != null) {
                args.addAll(List.of("-passout", openssl.passwordFile("password.txt", password)));
            }
            openssl.run(args.toArray(new String[0]));
            return Files.readString(dir.resolve("out.pem"), StandardCharsets.US_ASCII);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }
}
