package de.ozgsdk.http.snippets;

import static de.ozgsdk.core.crypto.TestPki.certificatePem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TestPki;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.ExchangeLoggingInterceptor;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.http.IdempotencyKey;
import de.ozgsdk.http.OzgHttpClients;
import de.ozgsdk.http.timestamp.FakeTsa;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.http.timestamp.TimestampToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The code samples of the http Javadoc, run against MockWebServer and a working fake TSA: each region is copied
 * verbatim into a Javadoc {@code <pre>{@code …}</pre>} block (checked by DocSnippetsTest in the examples module), and
 * the assertions after it prove what the sample's comments claim.
 */
class HttpSnippetsTest {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(HttpSnippetsTest.class);

    @TempDir
    Path configDir;

    private final MockWebServer server = new MockWebServer();
    private final Archive archive = new Archive();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLog() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logged);
        server.close();
    }

    @Test
    void idempotencyKeyTravelsAsHeader() throws IOException {
        server.start();
        String submissionId = UUID.randomUUID().toString();
        String intakeUrl = server.url("/v1/submissions").toString();
        RequestBody body = RequestBody.create("<antrag/>", MediaType.get("application/xml"));

        // @start region="idempotency-key"
        Request request = IdempotencyKey.of(submissionId)
                .applyTo(new Request.Builder().url(intakeUrl).post(body))
                .build();
        // @end

        assertThat(request.header(IdempotencyKey.HEADER)).isEqualTo(submissionId);
    }

    @Test
    void mutualTlsClientRetriesAPostThatCarriesAKey() throws Exception {
        HeldCertificate ca = TestPki.certificateAuthority("Intake CA");
        HeldCertificate client = TestPki.leaf("ozg-client", ca);
        TestPki.writePem(configDir.resolve("client-key.pem"), client.privateKeyPkcs8Pem());
        TestPki.writePem(configDir.resolve("client-chain.pem"), certificatePem(client.certificate()),
                certificatePem(ca.certificate()));
        TestPki.writePem(configDir.resolve("intake-ca.pem"), certificatePem(ca.certificate()));
        startServerRequiringClientCertificates(ca);
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
        server.enqueue(new MockResponse.Builder().code(201).body("Eingang 4711").build());
        String submissionId = "submission-4711";
        String intakeUrl = server.url("/v1/submissions").toString();
        RequestBody body = RequestBody.create("<antrag/>", MediaType.get("application/xml"));

        // @start region="ozg-http-clients"
        PrivateKeyCredential tls = PrivateKeyCredential.fromPem(
                configDir.resolve("client-key.pem"), configDir.resolve("client-chain.pem"));
        OkHttpClient http = OzgHttpClients.create(HttpClientConfig.builder()
                .component("fachverfahren-intake")
                .clientCredential(tls)
                .trustedCertificates(TrustedCertificates.load(configDir.resolve("intake-ca.pem")))
                .build());

        Request request = IdempotencyKey.of(submissionId)          // a POST with a key is retried, one without is not
                .applyTo(new Request.Builder().url(intakeUrl).post(body))
                .build();
        try (Response response = http.newCall(request).execute()) {
            archive.store(submissionId, response.body().bytes());
        }
        // @end

        assertThat(archive.stored).containsExactly("submission-4711: Eingang 4711");
        RecordedRequest first = server.takeRequest();
        RecordedRequest retry = server.takeRequest();
        assertThat(retry.getHeaders().get(IdempotencyKey.HEADER)).isEqualTo("submission-4711");
        assertThat(first.getHeaders().get(IdempotencyKey.HEADER)).isEqualTo("submission-4711");
        assertThat(retry.getHandshake().peerCertificates().get(0)).isEqualTo(client.certificate());
    }

    @Test
    void exchangeLoggingWritesOneLinePerExchange() throws IOException {
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.start();

        // @start region="exchange-logging"
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(new ExchangeLoggingInterceptor(Level.INFO))
                .build();
        // logs: HTTP GET api.example.de/v1/status -> 200 in 35 ms (attempt 1)
        // @end

        client.newCall(new Request.Builder().url(server.url("/v1/status?token=secret")).build()).execute().close();
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).matches(
                        "HTTP GET localhost:" + server.getPort() + "/v1/status -> 200 in \\d+ ms \\(attempt 1\\)"));
    }

    @Test
    void configCopiesWithAChangedTimeout() throws Exception {
        char[] password = "changeit-not".toCharArray();
        HeldCertificate ca = TestPki.certificateAuthority("ePayBL CA");
        Path p12 = TestPki.writePkcs12(configDir.resolve("epaybl.p12"), password, "epaybl",
                TestPki.leaf("ozg-client", ca), ca.certificate());

        // @start region="http-client-config"
        HttpClientConfig config = HttpClientConfig.builder()
                .component("epaybl")
                .readTimeout(Duration.ofSeconds(20))
                .clientCredential(PrivateKeyCredential.fromPkcs12(p12, password))
                .build();
        HttpClientConfig patient = config.toBuilder().callTimeout(Duration.ofMinutes(5)).build();
        // @end

        assertThat(patient.callTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(patient.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(patient.component()).hasValue("epaybl");
        assertThat(patient.clientCredential()).isPresent();
        assertThat(config.callTimeout()).isNotEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void timestampClientStampsAReceiptThatVerifiesLater() throws IOException {
        Instant now = Instant.now();
        de.ozgsdk.http.timestamp.TestPki.Issued tsaCa = de.ozgsdk.http.timestamp.TestPki.rootCa("TSA CA",
                now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)));
        server.setDispatcher(new FakeTsa(Clock.systemUTC(), de.ozgsdk.http.timestamp.TestPki.tsa(tsaCa, "TSA 1",
                now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(365)),
                de.ozgsdk.http.timestamp.TestPki.Usage.TIME_STAMPING)));
        server.start();
        String tsaUrl = server.url("/tsa").toString();
        X509Certificate tsaCaCertificate = tsaCa.certificate();
        String applicationId = "antrag-4711";
        byte[] receiptPdf = "%PDF-1.7 Eingangsbestätigung 4711".getBytes(StandardCharsets.UTF_8);

        // @start region="timestamp-client"
        TimestampClient tsa = TimestampClient.builder()
                .url(tsaUrl)
                .trustAnchors(List.of(tsaCaCertificate))   // X509Certificate of the TSA or of its CA
                .build();                                   // once per application; thread-safe

        TimestampToken token = tsa.stamp(receiptPdf);
        archive.store(applicationId, receiptPdf, token.encoded());
        log.info("application {} received at {}", applicationId, token.genTime());
        // @end

        assertThat(archive.stored).hasSize(1);
        assertThat(Duration.between(token.genTime(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));

        // @start region="timestamp-token"
        byte[] archived = token.encoded();                       // store next to the receipt
        TimestampToken again = TimestampToken.parse(archived, List.of(tsaCaCertificate));
        again.verify(receiptPdf);                                // throws SecurityCheckException if the PDF changed
        Instant receivedAt = again.genTime();
        // @end

        assertThat(receivedAt).isEqualTo(token.genTime());
        byte[] changed = "%PDF-1.7 Eingangsbestätigung 4712".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> again.verify(changed)).isInstanceOf(SecurityCheckException.class);
    }

    private void startServerRequiringClientCertificates(HeldCertificate ca) throws IOException {
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder()
                .heldCertificate(TestPki.leaf("intake.localhost", ca), ca.certificate())
                .addTrustedCertificate(ca.certificate())
                .build();
        server.useHttps(serverTls.sslSocketFactory());
        server.requireClientAuth();
        server.start();
    }

    /** Stands for the application's archive: records what the samples store. */
    static final class Archive {
        final List<String> stored = new ArrayList<>();

        void store(String id, byte[] document) {
            stored.add(id + ": " + new String(document, StandardCharsets.UTF_8));
        }

        void store(String id, byte[] document, byte[] timestampToken) {
            stored.add(id + ": " + document.length + " bytes, token of " + timestampToken.length + " bytes");
        }
    }
}
