package de.ozgsdk.http;

import static de.ozgsdk.core.crypto.TestPki.certificatePem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TestPki;
import de.ozgsdk.core.crypto.TrustedCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutualTlsTest {

    private static final char[] PASSWORD = "changeit-not".toCharArray();

    private static HeldCertificate ca;
    private static HeldCertificate serverCertificate;
    private static HeldCertificate clientCertificate;

    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    @BeforeAll
    static void issueCertificates() {
        ca = TestPki.certificateAuthority("Test Root CA");
        serverCertificate = TestPki.leaf("intake.localhost", ca);
        clientCertificate = TestPki.leaf("ozg-client", ca);
    }

    @BeforeEach
    void startServerRequiringClientCertificates() throws IOException {
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder()
                .heldCertificate(serverCertificate, ca.certificate())
                .addTrustedCertificate(ca.certificate())
                .build();
        server.useHttps(serverTls.sslSocketFactory());
        server.requireClientAuth();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void presentsClientCertificateLoadedFromPkcs12() throws Exception {
        Path p12 = TestPki.writePkcs12(dir.resolve("client.p12"), PASSWORD, "client", clientCertificate,
                ca.certificate());
        PrivateKeyCredential credential = PrivateKeyCredential.fromPkcs12(p12, PASSWORD);

        assertThat(call(trustingCa().clientCredential(credential))).isEqualTo(200);
        assertThat(clientCertificateSeenByServer()).isEqualTo(clientCertificate.certificate());
    }

    @Test
    void presentsClientCertificateLoadedFromPem() throws Exception {
        Path key = TestPki.writePem(dir.resolve("client-key.pem"),
                TestPki.encryptedPkcs8Pem(clientCertificate.keyPair().getPrivate(), PASSWORD));
        Path chain = TestPki.writePem(dir.resolve("client-chain.pem"),
                certificatePem(clientCertificate.certificate()), certificatePem(ca.certificate()));
        PrivateKeyCredential credential = PrivateKeyCredential.fromPem(key, chain, PASSWORD);

        assertThat(call(trustingCa().clientCredential(credential))).isEqualTo(200);
        assertThat(clientCertificateSeenByServer()).isEqualTo(clientCertificate.certificate());
    }

    @Test
    void isRefusedWithoutClientCertificate() {
        server.enqueue(new MockResponse.Builder().body("secret").build());

        assertThatThrownBy(() -> call(trustingCa())).isInstanceOf(IOException.class);
    }

    @Test
    void refusesServerNotIssuedByTrustedAnchor() throws Exception {
        HeldCertificate otherCa = TestPki.certificateAuthority("Other CA");
        Path anchors = TestPki.writePem(dir.resolve("other-ca.pem"), certificatePem(otherCa.certificate()));
        HttpClientConfig.Builder config = HttpClientConfig.builder()
                .trustedCertificates(TrustedCertificates.load(anchors))
                .clientCredential(PrivateKeyCredential.of(clientCertificate.keyPair().getPrivate(),
                        List.of(clientCertificate.certificate())))
                .sleeper(wait -> {
                    throw new AssertionError("a certificate failure must not be retried");
                });

        assertThatThrownBy(() -> call(config)).isInstanceOf(SSLHandshakeException.class);
    }

    private HttpClientConfig.Builder trustingCa() {
        return HttpClientConfig.builder()
                .trustedCertificates(TrustedCertificates.of(List.of(ca.certificate())))
                .maxRetries(0)
                .callTimeout(Duration.ofSeconds(10));
    }

    private int call(HttpClientConfig.Builder config) throws IOException {
        server.enqueue(new MockResponse.Builder().body("ok").build());
        OkHttpClient client = OzgHttpClients.create(config.build());
        try (Response response = client.newCall(new Request.Builder().url(server.url("/v1/ping")).build()).execute()) {
            return response.code();
        }
    }

    private Object clientCertificateSeenByServer() throws InterruptedException {
        RecordedRequest request = server.takeRequest();
        return request.getHandshake().peerCertificates().get(0);
    }
}
