package de.ozgsdk.core.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.KeyError;
import de.ozgsdk.core.crypto.OpenSsl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decodes key files that OpenSSL 3 writes, in every format and encryption users bring, and checks each decoded key
 * against the public key OpenSSL derives from the same file.
 */
class PemDecoderTest {

    /** Non-ASCII on purpose: OpenSSL derives keys from the UTF-8 bytes of the password. */
    private static final char[] PASSWORD = "s3cret-Pässwört".toCharArray();
    private static final String SOURCE = "/etc/ozg/key.pem";

    @TempDir
    static Path dir;

    private static OpenSsl openssl;
    private static String passout;

    @BeforeAll
    static void generateKeysWithOpenSsl() throws Exception {
        openssl = new OpenSsl(dir);
        passout = openssl.passwordFile("password.txt", PASSWORD);
        openssl.run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem");
        openssl.run("genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa-pss.pem");
        openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "ec.pem");
        openssl.run("genpkey", "-algorithm", "ED25519", "-out", "ed25519.pem");
        openssl.run("genpkey", "-algorithm", "ED448", "-out", "ed448.pem");
        openssl.run("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048",
                "-out", "dsa-parameters.pem");
        openssl.run("genpkey", "-paramfile", "dsa-parameters.pem", "-out", "dsa.pem");
        for (String key : List.of("rsa", "rsa-pss", "ec", "ed25519", "ed448", "dsa")) {
            openssl.run("pkey", "-in", key + ".pem", "-pubout", "-outform", "DER", "-out", key + ".pub.der");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "rsa-pss", "ec", "ed25519", "ed448", "dsa"})
    void decodesPkcs8OfEveryAlgorithmOfTheJdk(String key) throws Exception {
        PrivateKey decoded = onlyKey(read(key + ".pem"), Optional.empty());

        assertBelongsToOpenSslPublicKey(decoded, key);
    }

    @Test
    void decodesKeyFileWithWindowsLineEndingsAndTextAroundTheBlock() throws Exception {
        String pem = new String(read("ec.pem"), StandardCharsets.US_ASCII);
        byte[] windows = ("Bag Attributes\r\n    friendlyName: client\r\n" + pem.replace("\n", "\r\n") + "trailer\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        assertBelongsToOpenSslPublicKey(onlyKey(windows, Optional.empty()), "ec");
    }

    @ParameterizedTest
    @CsvSource({"rsa, RSA PRIVATE KEY", "ec, EC PRIVATE KEY", "dsa, DSA PRIVATE KEY"})
    void decodesTraditionalOpenSslFormats(String key, String blockType) throws Exception {
        byte[] pem = openssl.write("traditional.pem", "pkey", "-in", key + ".pem", "-traditional",
                "-out", "traditional.pem");
        assertThat(new String(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN " + blockType + "-----");

        assertBelongsToOpenSslPublicKey(onlyKey(pem, Optional.empty()), key);
    }

    @ParameterizedTest
    @CsvSource({
        "rsa, -v2 aes-128-cbc -v2prf hmacWithSHA1",
        "ec, -v2 aes-192-cbc -v2prf hmacWithSHA224",
        "ed25519, -v2 aes-256-cbc -v2prf hmacWithSHA256",
        "dsa, -v2 aes-256-cbc -v2prf hmacWithSHA384",
        "ed448, -v2 aes-128-cbc -v2prf hmacWithSHA512 -iter 100000",
        "ec, -v2 des3",
        "rsa, -v1 PBE-SHA1-3DES",
        "dsa, -v1 PBE-SHA1-2DES",
        "ec, -v1 PBE-SHA1-RC2-40 -provider legacy -provider default",
        "ec, -v1 PBE-SHA1-RC2-128 -provider legacy -provider default",
        "ec, -v1 PBE-SHA1-RC4-128 -provider legacy -provider default",
        "ec, -v1 PBE-MD5-DES -provider legacy -provider default",
        "ec, -v1 PBE-SHA1-DES -provider legacy -provider default",
        "ec, -v1 PBE-MD5-RC2-64 -provider legacy -provider default",
        "ec, -v2 des-cbc -provider legacy -provider default"})
    void decodesEncryptedPkcs8(String key, String options) throws Exception {
        byte[] pem = encryptedPkcs8(key, options);
        assertThat(new String(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        assertBelongsToOpenSslPublicKey(onlyKey(pem, Optional.of(PASSWORD)), key);
    }

    @Test
    void decodesEncryptedPkcs8InOpenSslDefaults() throws Exception {
        byte[] pem = openssl.write("default.pem", "pkcs8", "-topk8", "-in", "ec.pem", "-passout", passout,
                "-out", "default.pem");

        assertBelongsToOpenSslPublicKey(onlyKey(pem, Optional.of(PASSWORD)), "ec");
    }

    @ParameterizedTest
    @CsvSource({
        "rsa, -aes-128-cbc, AES-128-CBC",
        "ec, -aes-192-cbc, AES-192-CBC",
        "dsa, -aes-256-cbc, AES-256-CBC",
        "rsa, -des-ede3-cbc, DES-EDE3-CBC",
        "ec, -des-cbc -provider legacy -provider default, DES-CBC"})
    void decodesLegacyEncryptedTraditionalKeys(String key, String options, String cipher) throws Exception {
        byte[] pem = legacyEncrypted(key, options);
        assertThat(new String(pem, StandardCharsets.US_ASCII))
                .contains("Proc-Type: 4,ENCRYPTED", "DEK-Info: " + cipher + ",");

        assertBelongsToOpenSslPublicKey(onlyKey(pem, Optional.of(PASSWORD)), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-v2 aes-256-cbc", "-v2 des3", "-v1 PBE-SHA1-3DES",
        "-v1 PBE-SHA1-RC4-128 -provider legacy -provider default"})
    void reportsWrongPasswordOfEncryptedPkcs8(String options) throws Exception {
        byte[] pem = encryptedPkcs8("ec", options);

        ConfigurationException e = rejected(pem, Optional.of("wrong-guess".toCharArray()), KeyError.PEM_WRONG_PASSWORD);
        assertThat(e.getMessage()).doesNotContain("wrong-guess").doesNotContain(new String(PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-aes-256-cbc", "-des-ede3-cbc"})
    void reportsWrongPasswordOfLegacyEncryptedKey(String cipher) throws Exception {
        byte[] pem = legacyEncrypted("rsa", cipher);

        rejected(pem, Optional.of("wrong-guess".toCharArray()), KeyError.PEM_WRONG_PASSWORD);
    }

    @Test
    void asksForThePasswordOfALegacyEncryptedKey() throws Exception {
        rejected(legacyEncrypted("ec", "-aes-128-cbc"), Optional.empty(), KeyError.PEM_PASSWORD_REQUIRED);
    }

    @Test
    void reportsScryptAsUnsupportedEncryptionWithTheWayOut() throws Exception {
        byte[] pem = encryptedPkcs8("ec", "-scrypt");

        ConfigurationException e = rejected(pem, Optional.of(PASSWORD), KeyError.PEM_ENCRYPTION_UNSUPPORTED);
        assertThat(e.getMessage()).contains("scrypt", "openssl pkcs8 -topk8 -v2 aes-256-cbc");
        assertThat(e.userMessage(Locale.GERMAN)).contains("scrypt", SOURCE, "nicht unterstützt");
    }

    @Test
    void reportsPbes2CipherTheJdkLacksAsUnsupportedEncryption() throws Exception {
        byte[] pem = encryptedPkcs8("ec", "-v2 aria-128-cbc");

        ConfigurationException e = rejected(pem, Optional.of(PASSWORD), KeyError.PEM_ENCRYPTION_UNSUPPORTED);
        assertThat(e.getMessage()).contains("OID 1.2.410.200046.1.1.2");
    }

    @Test
    void reportsLegacyCipherTheSdkLacksAsUnsupportedEncryption() throws Exception {
        byte[] pem = legacyEncrypted("ec", "-camellia-128-cbc");

        ConfigurationException e = rejected(pem, Optional.of(PASSWORD), KeyError.PEM_ENCRYPTION_UNSUPPORTED);
        assertThat(e.getMessage()).contains("CAMELLIA-128-CBC");
    }

    @Test
    void refusesAbsurdIterationCountsBeforeDerivingAKey() throws Exception {
        byte[] pem = encryptedPkcs8("ec", "-v2 aes-256-cbc -iter 20000000");

        ConfigurationException e = rejected(pem, Optional.of(PASSWORD), KeyError.PEM_ENCRYPTION_UNSUPPORTED);
        assertThat(e.getMessage()).contains("20000000 iterations");
    }

    @Test
    void reportsEcKeyOnACurveTheJdkDoesNotKnowAsUnsupported() throws Exception {
        openssl.run("genpkey", "-algorithm", "SM2", "-out", "sm2.pem");

        ConfigurationException e = rejected(read("sm2.pem"), Optional.empty(), KeyError.KEY_ALGORITHM_UNSUPPORTED);
        assertThat(e.getMessage()).contains("EC on the curve SM2 (OID 1.2.156.10197.1.301)", "Use an RSA key");
    }

    @Test
    void reportsKeyAlgorithmWithoutJdkKeyFactoryAsUnsupported() {
        byte[] pkcs8 = Der.sequence(Der.integer(0), Der.sequence(Der.objectIdentifier("1.3.6.1.4.1.99999.7")),
                Der.octetString(new byte[32]));

        ConfigurationException e = rejected(pem("PRIVATE KEY", pkcs8, ""), Optional.empty(),
                KeyError.KEY_ALGORITHM_UNSUPPORTED);
        assertThat(e.getMessage()).contains("OID 1.3.6.1.4.1.99999.7");
    }

    @Test
    void reportsOpenSshKeyAsUnsupportedFormatWithConversionHint() {
        byte[] pem = ("-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                + "-----END OPENSSH PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII);

        ConfigurationException e = rejected(pem, Optional.empty(), KeyError.PEM_FORMAT_UNSUPPORTED);
        assertThat(e.getMessage()).contains("OPENSSH PRIVATE KEY", "ssh-keygen -p -m PKCS8");
    }

    @Test
    void reportsTruncatedKeyWithBlockAndLine() throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(body(read("ec.pem")));
        byte[] pem = pem("PRIVATE KEY", Arrays.copyOf(der, der.length - 20), "comment line\n");

        ConfigurationException e = rejected(pem, Optional.empty(), KeyError.PEM_MALFORMED);
        assertThat(e.getMessage()).contains("block 1 (PRIVATE KEY, line 2)", "truncated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY"})
    void reportsGarbageInsideAKeyBlockAsMalformed(String type) {
        byte[] garbage = {0x30, 0x06, 0x02, 0x01, 0x00, 0x04, 0x01, 0x00};

        rejected(pem(type, garbage, ""), Optional.empty(), KeyError.PEM_MALFORMED);
    }

    @Test
    void reportsBytesAfterTheKeyStructureAsMalformed() throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(body(read("ec.pem")));
        byte[] pem = pem("PRIVATE KEY", Arrays.copyOf(der, der.length + 3), "");

        ConfigurationException e = rejected(pem, Optional.empty(), KeyError.PEM_MALFORMED);
        assertThat(e.getMessage()).contains("followed by 3 unexpected bytes");
    }

    @Test
    void reportsBlockWithoutEndLine() throws Exception {
        String pem = new String(read("ec.pem"), StandardCharsets.US_ASCII);
        byte[] cut = pem.substring(0, pem.indexOf("-----END")).getBytes(StandardCharsets.US_ASCII);

        ConfigurationException e = rejected(cut, Optional.empty(), KeyError.PEM_MALFORMED);
        assertThat(e.getMessage()).contains("no -----END PRIVATE KEY----- line");
    }

    @Test
    void reportsLegacyEncryptionHeaderWithoutDekInfo() throws Exception {
        String pem = new String(legacyEncrypted("ec", "-aes-128-cbc"), StandardCharsets.US_ASCII);
        byte[] damaged = pem.replaceAll("DEK-Info: [^\\n]*\\n", "").getBytes(StandardCharsets.US_ASCII);

        ConfigurationException e = rejected(damaged, Optional.of(PASSWORD), KeyError.PEM_MALFORMED);
        assertThat(e.getMessage()).contains("DEK-Info");
    }

    @Test
    void decodesOpenSslCertificatesAndSkipsEncryptedKeysWithoutAskingForAPassword() throws Exception {
        openssl.run("req", "-x509", "-key", "ec.pem", "-subj", "/CN=openssl test", "-days", "2", "-out", "cert.pem");
        byte[] key = encryptedPkcs8("ec", "-v2 aes-256-cbc");
        String cert = Files.readString(dir.resolve("cert.pem"), StandardCharsets.US_ASCII);
        byte[] bundle = (new String(key, StandardCharsets.US_ASCII) + cert
                + cert.replace("CERTIFICATE-----", "X509 CERTIFICATE-----")).getBytes(StandardCharsets.US_ASCII);

        List<X509Certificate> certificates = PemDecoder.certificates(bundle, SOURCE);

        X509Certificate expected = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(dir.resolve("cert.pem")));
        assertThat(certificates).containsExactly(expected, expected);
    }

    private static byte[] encryptedPkcs8(String key, String options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("pkcs8", "-topk8", "-in", key + ".pem"));
        command.addAll(List.of(options.split(" ")));
        command.addAll(List.of("-passout", passout, "-out", "encrypted.pem"));
        return openssl.write("encrypted.pem", command.toArray(new String[0]));
    }

    private static byte[] legacyEncrypted(String key, String options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("pkey", "-in", key + ".pem", "-traditional"));
        command.addAll(List.of(options.split(" ")));
        command.addAll(List.of("-passout", passout, "-out", "legacy.pem"));
        return openssl.write("legacy.pem", command.toArray(new String[0]));
    }

    private static PrivateKey onlyKey(byte[] pem, Optional<char[]> password) {
        PemDecoder.Content content = PemDecoder.decode(pem, SOURCE, password);
        assertThat(content.privateKeys()).hasSize(1);
        PrivateKey key = content.privateKeys().get(0);
        assertThat(key.getClass().getName()).doesNotStartWith("org.bouncycastle");
        return key;
    }

    /** The decoded private key signs (or, for RSA, shares the modulus) what OpenSSL's public key verifies. */
    private static void assertBelongsToOpenSslPublicKey(PrivateKey decoded, String key) throws Exception {
        byte[] publicDer = Files.readAllBytes(dir.resolve(key + ".pub.der"));
        PublicKey publicKey = KeyFactory.getInstance(decoded.getAlgorithm())
                .generatePublic(new X509EncodedKeySpec(publicDer));
        assertThat(KeyPairs.belongTogether(decoded, publicKey)).as("%s belongs to openssl's public key", key).isTrue();
    }

    private static ConfigurationException rejected(byte[] pem, Optional<char[]> password, KeyError code) {
        ConfigurationException e = catchThrowableOfType(() -> PemDecoder.decode(pem, SOURCE, password),
                ConfigurationException.class);
        assertThat(e).as("decoding fails with %s", code.code()).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).contains(code.code(), SOURCE);
        assertThat(e.userMessage(Locale.GERMAN)).contains(SOURCE);
        return e;
    }

    private static byte[] read(String file) throws Exception {
        return Files.readAllBytes(dir.resolve(file));
    }

    private static String body(byte[] pem) {
        return new String(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "");
    }

    private static byte[] pem(String type, byte[] der, String before) {
        return (before + "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
