package de.ozgsdk.core.crypto;

import static de.ozgsdk.core.crypto.TestPki.certificatePem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedCertificatesTest {

    private static HeldCertificate ca;
    private static HeldCertificate otherCa;
    private static HeldCertificate server;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        ca = TestPki.certificateAuthority("Trusted CA");
        otherCa = TestPki.certificateAuthority("Other CA");
        server = TestPki.leaf("server", ca);
    }

    @Test
    void loadsEveryCertificateOfPemBundleSkippingOtherBlocks() throws Exception {
        Path bundle = TestPki.writePem(dir.resolve("bundle.pem"), "comment line before the first block\n",
                certificatePem(ca.certificate()), server.privateKeyPkcs8Pem(), certificatePem(otherCa.certificate()));

        assertThat(TrustedCertificates.load(bundle).certificates())
                .containsExactly(ca.certificate(), otherCa.certificate());
    }

    @Test
    void loadsDerCertificate() throws Exception {
        Path der = Files.write(dir.resolve("ca.cer"), ca.certificate().getEncoded());

        assertThat(TrustedCertificates.load(der).certificates()).containsExactly(ca.certificate());
    }

    @Test
    void rejectsFileWithoutCertificate() throws Exception {
        Path keyOnly = TestPki.writePem(dir.resolve("key.pem"), server.privateKeyPkcs8Pem());

        assertThatThrownBy(() -> TrustedCertificates.load(keyOnly))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(KeyError.NO_CERTIFICATE);
                    assertThat(e.getMessage()).contains(keyOnly.toString());
                });
    }

    @Test
    void rejectsGarbageAsCertificate() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.cer"), new byte[] {0x30, 0x03, 0x02, 0x01});

        assertThatThrownBy(() -> TrustedCertificates.load(garbage))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(KeyError.CERTIFICATE_MALFORMED));
    }

    @Test
    void rejectsEmptyListOfCertificates() {
        assertThatThrownBy(() -> TrustedCertificates.of(List.of()))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(KeyError.ARGUMENT_INVALID));
    }

    @Test
    void trustManagerAcceptsChainIssuedByAnchor() {
        X509Certificate[] chain = {server.certificate(), ca.certificate()};

        assertThatCode(() -> TrustedCertificates.of(List.of(ca.certificate())).trustManager()
                .checkServerTrusted(chain, "ECDHE_ECDSA")).doesNotThrowAnyException();
    }

    @Test
    void trustManagerRefusesChainOfOtherIssuer() {
        X509Certificate[] chain = {server.certificate(), ca.certificate()};

        assertThatThrownBy(() -> TrustedCertificates.of(List.of(otherCa.certificate())).trustManager()
                .checkServerTrusted(chain, "ECDHE_ECDSA")).isInstanceOf(CertificateException.class);
    }
}
