package de.ozgsdk.core.crypto;

import static de.ozgsdk.core.crypto.TestPki.certificatePem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.OzgException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import okhttp3.tls.HeldCertificate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateKeyCredentialTest {

    private static final char[] PASSWORD = "s3cret-Passw0rd".toCharArray();

    private static HeldCertificate ca;
    private static HeldCertificate client;
    private static HeldCertificate other;
    private static HeldCertificate rsaClient;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKeys() {
        ca = TestPki.certificateAuthority("Test CA");
        client = TestPki.leaf("client", ca);
        other = TestPki.leaf("other", ca);
        rsaClient = new HeldCertificate.Builder().commonName("rsa-client").rsa2048().signedBy(ca).build();
    }

    @Test
    void loadsOnlyKeyOfPkcs12WithItsChain() throws Exception {
        Path p12 = TestPki.writePkcs12(dir.resolve("client.p12"), PASSWORD, "client", client, ca.certificate());

        PrivateKeyCredential credential = PrivateKeyCredential.fromPkcs12(p12, PASSWORD);

        assertThat(credential.privateKey().getEncoded()).isEqualTo(client.keyPair().getPrivate().getEncoded());
        assertThat(credential.chain()).containsExactly(client.certificate(), ca.certificate());
    }

    @Test
    void loadsPkcs12FromStreamChoosingEntryByAlias() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        TestPki.addKeyEntry(store, PASSWORD, "first", client, ca.certificate());
        TestPki.addKeyEntry(store, PASSWORD, "second", other, ca.certificate());
        byte[] p12 = Files.readAllBytes(TestPki.store(store, dir.resolve("two.p12"), PASSWORD));

        PrivateKeyCredential credential =
                PrivateKeyCredential.fromPkcs12(new ByteArrayInputStream(p12), "vault:two", PASSWORD, "second");

        assertThat(credential.certificate()).isEqualTo(other.certificate());
    }

    @Test
    void rejectsPkcs12WithSeveralKeysWhenNoAliasIsGiven() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        TestPki.addKeyEntry(store, PASSWORD, "first", client);
        TestPki.addKeyEntry(store, PASSWORD, "second", other);
        Path p12 = TestPki.store(store, dir.resolve("two.p12"), PASSWORD);

        assertRejected(() -> PrivateKeyCredential.fromPkcs12(p12, PASSWORD), KeyError.PKCS12_AMBIGUOUS, p12);
    }

    @Test
    void rejectsPkcs12AliasThatNamesNoKey() throws Exception {
        Path p12 = TestPki.writePkcs12(dir.resolve("client.p12"), PASSWORD, "client", client);

        assertRejected(() -> PrivateKeyCredential.fromPkcs12(p12, PASSWORD, "missing"),
                KeyError.PKCS12_ALIAS_NOT_FOUND, p12);
    }

    @Test
    void rejectsWrongPkcs12PasswordNamingTheFileButNotThePassword() throws Exception {
        Path p12 = TestPki.writePkcs12(dir.resolve("client.p12"), PASSWORD, "client", client);

        ConfigurationException e = assertRejected(
                () -> PrivateKeyCredential.fromPkcs12(p12, "wrong-guess".toCharArray()),
                KeyError.PKCS12_WRONG_PASSWORD, p12);
        assertThat(e.getMessage()).doesNotContain("wrong-guess").doesNotContain(new String(PASSWORD));
    }

    @Test
    void rejectsPkcs12HoldingOnlyCertificates() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca.certificate());
        Path p12 = TestPki.store(store, dir.resolve("trust.p12"), PASSWORD);

        assertRejected(() -> PrivateKeyCredential.fromPkcs12(p12, PASSWORD), KeyError.PKCS12_NO_KEY, p12);
    }

    @Test
    void rejectsGarbageAsPkcs12() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "this is not a key store");

        assertRejected(() -> PrivateKeyCredential.fromPkcs12(garbage, PASSWORD), KeyError.PKCS12_MALFORMED, garbage);
    }

    @Test
    void rejectsMissingFileNamingIt() {
        Path missing = dir.resolve("missing.p12");

        assertRejected(() -> PrivateKeyCredential.fromPkcs12(missing, PASSWORD), KeyError.FILE_UNREADABLE, missing);
    }

    @Test
    void loadsUnencryptedPkcs8PemWithChain() throws Exception {
        Path key = TestPki.writePem(dir.resolve("key.pem"), client.privateKeyPkcs8Pem());
        Path chain = TestPki.writePem(dir.resolve("chain.pem"),
                certificatePem(client.certificate()), certificatePem(ca.certificate()));

        PrivateKeyCredential credential = PrivateKeyCredential.fromPem(key, chain);

        assertThat(credential.privateKey().getEncoded()).isEqualTo(client.keyPair().getPrivate().getEncoded());
        assertThat(credential.chain()).containsExactly(client.certificate(), ca.certificate());
    }

    @Test
    void putsOwnCertificateFirstWhatEverTheOrderInTheFile() throws Exception {
        Path key = TestPki.writePem(dir.resolve("key.pem"), client.privateKeyPkcs8Pem());
        Path chain = TestPki.writePem(dir.resolve("chain.pem"),
                certificatePem(ca.certificate()), certificatePem(client.certificate()));

        assertThat(PrivateKeyCredential.fromPem(key, chain).chain())
                .containsExactly(client.certificate(), ca.certificate());
    }

    @Test
    void loadsPkcs1RsaPem() throws Exception {
        Path key = TestPki.writePem(dir.resolve("rsa.pem"), rsaClient.privateKeyPkcs1Pem());
        Path chain = TestPki.writePem(dir.resolve("rsa.crt"), certificatePem(rsaClient.certificate()));

        PrivateKeyCredential credential = PrivateKeyCredential.fromPem(key, chain);

        assertThat(credential.privateKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(credential.privateKey().getEncoded()).isEqualTo(rsaClient.keyPair().getPrivate().getEncoded());
    }

    @Test
    void loadsSec1EcPemFromTheSameFileAsTheCertificate() throws Exception {
        String sec1 = TestPki.sec1Pem(client.keyPair().getPrivate());
        assertThat(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----");
        Path combined = TestPki.writePem(dir.resolve("combined.pem"), sec1, certificatePem(client.certificate()));

        PrivateKeyCredential credential = PrivateKeyCredential.fromPem(combined, combined);

        assertThat(credential.certificate()).isEqualTo(client.certificate());
        assertThat(credential.privateKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void loadsEncryptedPkcs8PemWithPassword() throws Exception {
        Path key = TestPki.writePem(dir.resolve("key.pem"),
                TestPki.encryptedPkcs8Pem(client.keyPair().getPrivate(), PASSWORD));
        Path chain = TestPki.writePem(dir.resolve("chain.pem"), certificatePem(client.certificate()));

        PrivateKeyCredential credential = PrivateKeyCredential.fromPem(key, chain, PASSWORD);

        assertThat(credential.privateKey().getEncoded()).isEqualTo(client.keyPair().getPrivate().getEncoded());
    }

    @Test
    void loadsLegacyEncryptedRsaPemWithPassword() throws Exception {
        String legacy = TestPki.legacyEncryptedPem(rsaClient.keyPair().getPrivate(), PASSWORD);
        assertThat(legacy).contains("Proc-Type: 4,ENCRYPTED");
        Path key = TestPki.writePem(dir.resolve("rsa.pem"), legacy);
        Path chain = TestPki.writePem(dir.resolve("rsa.crt"), certificatePem(rsaClient.certificate()));

        assertThat(PrivateKeyCredential.fromPem(key, chain, PASSWORD).certificate())
                .isEqualTo(rsaClient.certificate());
    }

    @Test
    void asksForPasswordOfEncryptedPemKey() throws Exception {
        Path key = TestPki.writePem(dir.resolve("key.pem"),
                TestPki.encryptedPkcs8Pem(client.keyPair().getPrivate(), PASSWORD));
        Path chain = TestPki.writePem(dir.resolve("chain.pem"), certificatePem(client.certificate()));

        assertRejected(() -> PrivateKeyCredential.fromPem(key, chain), KeyError.PEM_PASSWORD_REQUIRED, key);
    }

    @Test
    void rejectsWrongPasswordOfEncryptedPemKey() throws Exception {
        Path key = TestPki.writePem(dir.resolve("key.pem"),
                TestPki.encryptedPkcs8Pem(client.keyPair().getPrivate(), PASSWORD));
        Path chain = TestPki.writePem(dir.resolve("chain.pem"), certificatePem(client.certificate()));

        ConfigurationException e = assertRejected(
                () -> PrivateKeyCredential.fromPem(key, chain, "wrong-guess".toCharArray()),
                KeyError.PEM_WRONG_PASSWORD, key);
        assertThat(e.getMessage()).doesNotContain("wrong-guess");
    }

    @Test
    void loadsKeyAndCertificateMadeByOpenSsl() throws Exception {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "plain.pem");
        openssl.run("pkey", "-in", "plain.pem", "-traditional", "-aes-256-cbc",
                "-passout", openssl.passwordFile("password.txt", PASSWORD), "-out", "key.pem");
        openssl.run("req", "-x509", "-key", "plain.pem", "-subj", "/CN=Fachverfahren Test", "-days", "2",
                "-out", "cert.pem");

        PrivateKeyCredential credential =
                PrivateKeyCredential.fromPem(dir.resolve("key.pem"), dir.resolve("cert.pem"), PASSWORD);

        assertThat(credential.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=Fachverfahren Test");
        assertThat(credential.privateKey().getAlgorithm()).isEqualTo("EC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"brainpoolP256r1", "secp256k1"})
    void rejectsEcKeyOnACurveTheJdkCannotSignWithNamingTheCurve(String curve) throws Exception {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + curve, "-out", "key.pem");
        openssl.run("req", "-x509", "-key", "key.pem", "-subj", "/CN=" + curve, "-days", "2", "-out", "cert.pem");
        Path key = dir.resolve("key.pem");

        ConfigurationException e = assertRejected(() -> PrivateKeyCredential.fromPem(key, dir.resolve("cert.pem")),
                KeyError.KEY_ALGORITHM_UNSUPPORTED, key);
        assertThat(e.getMessage()).contains("EC on the curve " + curve);
    }

    @Test
    void rejectsKeyThatDoesNotBelongToTheCertificate() throws Exception {
        Path key = TestPki.writePem(dir.resolve("key.pem"), client.privateKeyPkcs8Pem());
        Path chain = TestPki.writePem(dir.resolve("chain.pem"), certificatePem(other.certificate()));

        assertRejected(() -> PrivateKeyCredential.fromPem(key, chain), KeyError.KEY_CERTIFICATE_MISMATCH, chain);
    }

    @Test
    void rejectsRsaKeyPairedWithEcCertificate() throws Exception {
        Path key = TestPki.writePem(dir.resolve("key.pem"), rsaClient.privateKeyPkcs8Pem());
        Path chain = TestPki.writePem(dir.resolve("chain.pem"), certificatePem(client.certificate()));

        assertRejected(() -> PrivateKeyCredential.fromPem(key, chain), KeyError.KEY_CERTIFICATE_MISMATCH, key);
    }

    @Test
    void rejectsPemKeyFileWithoutKey() throws Exception {
        Path notAKey = TestPki.writePem(dir.resolve("cert-only.pem"), certificatePem(client.certificate()));

        assertRejected(() -> PrivateKeyCredential.fromPem(notAKey, notAKey), KeyError.PEM_NO_KEY, notAKey);
    }

    @Test
    void rejectsPemKeyFileWithTwoKeys() throws Exception {
        Path twoKeys = TestPki.writePem(dir.resolve("two.pem"),
                client.privateKeyPkcs8Pem(), other.privateKeyPkcs8Pem());
        Path chain = TestPki.writePem(dir.resolve("chain.pem"), certificatePem(client.certificate()));

        assertRejected(() -> PrivateKeyCredential.fromPem(twoKeys, chain), KeyError.PEM_SEVERAL_KEYS, twoKeys);
    }

    @Test
    void rejectsPemWithBrokenBase64() throws Exception {
        Path broken = TestPki.writePem(dir.resolve("broken.pem"),
                "-----BEGIN PRIVATE KEY-----\n@@@ not base64 @@@\n-----END PRIVATE KEY-----\n");
        Path chain = TestPki.writePem(dir.resolve("chain.pem"), certificatePem(client.certificate()));

        assertRejected(() -> PrivateKeyCredential.fromPem(broken, chain), KeyError.PEM_MALFORMED, broken);
    }

    @Test
    void rejectsChainFileWithoutCertificate() throws Exception {
        Path key = TestPki.writePem(dir.resolve("key.pem"), client.privateKeyPkcs8Pem());

        assertRejected(() -> PrivateKeyCredential.fromPem(key, key), KeyError.NO_CERTIFICATE, key);
    }

    @Test
    void keepsBouncyCastleOutOfTheJvmAndReturnsJdkKeys() throws Exception {
        Path key = TestPki.writePem(dir.resolve("key.pem"),
                TestPki.encryptedPkcs8Pem(client.keyPair().getPrivate(), PASSWORD));
        Path chain = TestPki.writePem(dir.resolve("chain.pem"), certificatePem(client.certificate()));

        PrivateKeyCredential credential = PrivateKeyCredential.fromPem(key, chain, PASSWORD);

        assertThat(Security.getProvider("BC")).isNull();
        assertThat(credential.privateKey().getClass().getName()).doesNotStartWith("org.bouncycastle");
    }

    @Test
    void reportsExpiredCertificateWithPositionAndDate() {
        HeldCertificate expired = new HeldCertificate.Builder().commonName("old").ecdsa256()
                .validityInterval(1_000_000_000_000L, 1_100_000_000_000L).build();
        PrivateKeyCredential credential =
                PrivateKeyCredential.of(expired.keyPair().getPrivate(), List.of(expired.certificate()));
        Instant now = Instant.ofEpochMilli(1_200_000_000_000L);

        assertThat(credential.isValidAt(now)).isFalse();
        assertThatThrownBy(() -> credential.requireValidAt(now))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(KeyError.CERTIFICATE_EXPIRED);
                    assertThat(e.userMessage(Locale.GERMAN)).contains("Position 0", "abgelaufen");
                });
    }

    @Test
    void reportsCertificateThatIsNotValidYet() {
        PrivateKeyCredential credential =
                PrivateKeyCredential.of(client.keyPair().getPrivate(), List.of(client.certificate()));
        Instant beforeIssue = client.certificate().getNotBefore().toInstant().minusSeconds(3600);

        assertThat(credential.isValidAt(beforeIssue)).isFalse();
        assertThatThrownBy(() -> credential.requireValidAt(beforeIssue))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(KeyError.CERTIFICATE_NOT_YET_VALID));
    }

    @Test
    void acceptsCertificateWithinItsValidity() {
        PrivateKeyCredential credential =
                PrivateKeyCredential.of(client.keyPair().getPrivate(), List.of(client.certificate(), ca.certificate()));
        Instant during = client.certificate().getNotBefore().toInstant().plusSeconds(60);

        credential.requireValidAt(during);
        assertThat(credential.isValidAt(during)).isTrue();
    }

    @Test
    void keyManagerPresentsTheCredential() {
        PrivateKeyCredential credential =
                PrivateKeyCredential.of(client.keyPair().getPrivate(), List.of(ca.certificate(), client.certificate()));

        var keyManager = credential.keyManager();
        String alias = keyManager.chooseClientAlias(new String[] {"EC"}, null, null);

        assertThat(alias).isNotNull();
        assertThat(keyManager.getCertificateChain(alias)).containsExactly(client.certificate(), ca.certificate());
    }

    @Test
    void doesNotShowKeyMaterialInToString() {
        PrivateKeyCredential credential =
                PrivateKeyCredential.of(client.keyPair().getPrivate(), List.of(client.certificate()));

        assertThat(credential.toString()).startsWith("PrivateKeyCredential[EC, serial=")
                .doesNotContain("BEGIN").hasSizeLessThan(200);
    }

    private static ConfigurationException assertRejected(ThrowingCallable call, KeyError code, Path namedFile) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(ConfigurationException.class);
        ConfigurationException e = (ConfigurationException) thrown;
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).contains(code.code()).contains(namedFile.toString());
        assertThat(((OzgException) e).userMessage(Locale.ENGLISH)).contains(namedFile.toString());
        return e;
    }
}
