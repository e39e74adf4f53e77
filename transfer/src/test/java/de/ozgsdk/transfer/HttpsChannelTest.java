package de.ozgsdk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TestPki;
import de.ozgsdk.http.HttpClientConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpsChannelTest {

    private static final String ID = "7c0e6d1a-3f52-4b8e-9a51-2d4c8e0f1b23";
    private static final byte[] XML = "<antrag:antrag.einreichung.0001 xmlns:antrag=\"urn:x\">Müller</antrag:antrag.einreichung.0001>"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-14T09:30:00Z");

    private IntakeServer intake;
    private HttpsChannel channel;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        intake = new IntakeServer();
        channel = HttpsChannel.builder(intake.url("/antraege"), IntakeServer.portalTls().build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @AfterEach
    void stop() {
        intake.close();
    }

    @Test
    void postsTheApplicationWithClientCertificateAndIdempotencyKeyAndReturnsTheReceipt() throws Exception {
        Receipt receipt = channel.send(OutgoingApplication.of(ID, XML));

        RecordedRequest request = intake.requests().get(0);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/antraege");
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo(ID);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/xml; charset=utf-8");
        assertThat(request.getBody().toByteArray()).isEqualTo(XML);
        assertThat(request.getHandshake().peerCertificates().get(0)).isEqualTo(IntakeServer.PORTAL.certificate());
        assertThat(receipt.submissionId()).isEqualTo(ID);
        assertThat(receipt.alreadyDelivered()).isFalse();
        assertThat(receipt.receivedAt()).isEqualTo(NOW);
        assertThat(receipt.reference()).contains("/antraege/AZ-" + ID);
        assertThat(new String(receipt.document().orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("<eingangsbestaetigung aktenzeichen=\"AZ-" + ID + "\"/>");
        assertThat(receipt.mediaType()).contains("application/xml");
    }

    @Test
    void streamsASpooledApplicationFile() throws Exception {
        Path spooled = Files.write(dir.resolve("antrag.xml"), XML);

        channel.send(OutgoingApplication.ofFile(ID, spooled));

        assertThat(intake.applications().get(ID).toByteArray()).isEqualTo(XML);
    }

    @Test
    void treatsConflictForTheSameKeyAsAlreadyDelivered() {
        channel.send(OutgoingApplication.of(ID, XML));

        Receipt repeat = channel.send(OutgoingApplication.of(ID, XML));

        assertThat(repeat.alreadyDelivered()).isTrue();
        assertThat(repeat.submissionId()).isEqualTo(ID);
        assertThat(intake.applications()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 425, 429})
    void unavailableReceiverIsRetryable(int status) {
        intake.thenAnswer(new MockResponse.Builder().code(status).setHeader("X-Request-Id", "req-17").build());

        assertThatThrownBy(() -> channel.send(OutgoingApplication.of(ID, XML)))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo(TransferError.HTTPS_UNAVAILABLE);
                    assertThat(e.httpStatus()).hasValue(status);
                    assertThat(e.requestId()).contains("req-17");
                    assertThat(e.getMessage()).contains(ID, "HTTP " + status);
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 413, 415, 422})
    void refusalIsPermanent(int status) {
        intake.thenAnswer(new MockResponse.Builder().code(status).body("Schema-Fehler").build());

        assertThatThrownBy(() -> channel.send(OutgoingApplication.of(ID, XML)))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.side()).isEqualTo(RemoteSystemException.Side.LOCAL);
                    assertThat(e.code()).isEqualTo(TransferError.HTTPS_REFUSED);
                    assertThat(e.httpStatus()).hasValue(status);
                });
    }

    @Test
    void successWithoutReceiptBodyIsNoReceiptAndRetryable() {
        intake.thenAnswer(new MockResponse.Builder().code(204).build());

        assertThatThrownBy(() -> channel.send(OutgoingApplication.of(ID, XML)))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.HTTPS_RECEIPT_MISSING);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void oversizedReceiptIsRefusedAsRetryable() {
        intake.thenAnswer(new MockResponse.Builder().code(200)
                .body("x".repeat(HttpsChannel.MAX_RECEIPT_BYTES + 1)).build());

        assertThatThrownBy(() -> channel.send(OutgoingApplication.of(ID, XML)))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.HTTPS_RECEIPT_TOO_LARGE);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void doesNotFollowARedirectWithTheApplication() {
        intake.thenAnswer(new MockResponse.Builder().code(307).setHeader("Location", "/elsewhere").build());

        assertThatThrownBy(() -> channel.send(OutgoingApplication.of(ID, XML)))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.HTTPS_REDIRECTED);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(intake.requests()).hasSize(1);
    }

    @Test
    void lostAnswerIsRetryableAndTheRepeatCountsAsDelivered() {
        intake.thenDo(request -> {
            intake.accept(request);
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        });

        assertThatThrownBy(() -> channel.send(OutgoingApplication.of(ID, XML)))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.HTTPS_CONNECTION_FAILED);
                    assertThat(e.retryable()).isTrue();
                });
        Receipt repeat = channel.send(OutgoingApplication.of(ID, XML));

        assertThat(repeat.alreadyDelivered()).isTrue();
        assertThat(intake.applications()).containsOnlyKeys(ID);
    }

    @Test
    void clientCertificateOfAnotherCaIsRefusedByTheReceiverAsRetryableConnectionFailure() {
        HeldCertificate otherCa = TestPki.certificateAuthority("Other CA");
        HeldCertificate stranger = TestPki.leaf("stranger", otherCa);
        HttpClientConfig config = IntakeServer.portalTls()
                .clientCredential(PrivateKeyCredential.of(stranger.keyPair().getPrivate(),
                        List.of(stranger.certificate(), otherCa.certificate())))
                .build();
        HttpsChannel strangerChannel = HttpsChannel.builder(intake.url("/antraege"), config).build();

        assertThatThrownBy(() -> strangerChannel.send(OutgoingApplication.of(ID, XML)))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.HTTPS_CONNECTION_FAILED);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(intake.applications()).isEmpty();
    }

    @Test
    void refusesAPlainHttpEndpoint() {
        assertThatThrownBy(() -> HttpsChannel.builder(URI.create("http://fachverfahren.example/antraege"),
                IntakeServer.portalTls().build()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(TransferError.HTTPS_ENDPOINT_INVALID));
        assertThatThrownBy(() -> HttpsChannel.builder(URI.create("/antraege"), IntakeServer.portalTls().build()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesAConfigurationWithoutClientCertificate() {
        HttpClientConfig withoutCertificate = HttpClientConfig.builder().build();

        assertThatThrownBy(() -> HttpsChannel.builder(intake.url("/antraege"), withoutCertificate))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(TransferError.HTTPS_CLIENT_CERTIFICATE_MISSING));
    }
}
