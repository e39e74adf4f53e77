package de.ozgsdk.sandbox.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.HttpsIntakeMock;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.transfer.HttpsChannel;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.Receipt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code HttpsChannel} of ozg-transfer against the sandbox's mutual-TLS intake, over real sockets. */
class HttpsIntakeMockTest {

    private final HttpsIntakeMock intake = HttpsIntakeMock.builder().start();
    private final HttpsChannel channel = channel(portalTls().build());
    private final String submissionId = UUID.randomUUID().toString();
    private final byte[] xml = "<antrag><name>Erika Mustermann</name></antrag>".getBytes(StandardCharsets.UTF_8);

    @AfterEach
    void stop() {
        intake.close();
    }

    private HttpClientConfig.Builder portalTls() {
        return HttpClientConfig.builder()
                .clientCredential(intake.pki().issueClient("ozg-portal"))
                .trustedCertificates(intake.serverTrust())
                .maxRetries(0)
                .callTimeout(Duration.ofSeconds(20));
    }

    private HttpsChannel channel(HttpClientConfig config) {
        return HttpsChannel.builder(intake.intakeUri(), config).build();
    }

    /**
     * A channel that gives up after 2 s, its connection already open: the TLS handshake of a cold JVM on a loaded
     * machine must not eat the time the test gives the fault.
     */
    private HttpsChannel impatientChannel() {
        HttpsChannel impatient = channel(portalTls().callTimeout(Duration.ofSeconds(2)).build());
        impatient.send(OutgoingApplication.of("warm-up-" + submissionId, xml));
        return impatient;
    }

    private Receipt send() {
        return channel.send(OutgoingApplication.of(submissionId, xml));
    }

    private static void assertFails(ThrowingCallable call, String code, boolean retryable) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RemoteSystemException.class, e -> {
            assertThat(e.code().code()).isEqualTo(code);
            assertThat(e.retryable()).isEqualTo(retryable);
        });
    }

    @Test
    void deliversOverMutualTlsAndReturnsTheIntakesReceipt() {
        Receipt receipt = send();

        assertThat(receipt.alreadyDelivered()).isFalse();
        assertThat(receipt.reference()).hasValueSatisfying(location -> assertThat(location).matches(
                ".*/antraege/AZ-\\d{6}"));
        assertThat(new String(receipt.document().orElseThrow(), StandardCharsets.UTF_8))
                .startsWith("<eingangsbestaetigung aktenzeichen=\"AZ-");
        assertThat(intake.applications()).containsOnlyKeys(submissionId);
        assertThat(intake.applications().get(submissionId)).isEqualTo(xml);
        assertThat(intake.deliveredBy(submissionId)).contains("CN=ozg-portal, O=OZG SDK sandbox");
        assertThat(intake.records().last().orElseThrow().headers())
                .containsEntry("idempotency-key", submissionId)
                .containsEntry("content-type", "application/xml; charset=utf-8");
        assertThat(intake.records().last().orElseThrow().body()).doesNotContain("Erika");
    }

    @Test
    void repeatedKeyIsRecognisedWith409AndTheIntakeHoldsTheApplicationOnce() {
        send();
        Receipt repeat = send();

        assertThat(repeat.alreadyDelivered()).isTrue();
        assertThat(intake.count()).isEqualTo(1);
        assertThat(intake.attempts(submissionId)).isEqualTo(2);
        assertThat(intake.records().all()).extracting(e -> e.status().getAsInt()).containsExactly(201, 409);
    }

    @Test
    void portalWithACertificateOfAnotherCaIsRefusedInTheHandshake() {
        HttpsChannel stranger = channel(portalTls().clientCredential(SandboxPki.generate().issueClient("fremd"))
                .build());

        assertFails(() -> stranger.send(OutgoingApplication.of(submissionId, xml)), "OZG-TRANSFER-112", true);
        assertThat(intake.count()).isZero();
        assertThat(intake.records().all()).isEmpty();
    }

    @Test
    void unavailableIntakeIsRetriedAndTheRetryDelivers() {
        intake.faults().add(Fault.status(503).once());

        assertFails(this::send, "OZG-TRANSFER-111", true);
        assertThat(intake.count()).isZero();
        assertThat(send().alreadyDelivered()).isFalse();
        assertThat(intake.attempts(submissionId)).isEqualTo(1);
    }

    @Test
    void droppedConnectionIsRetriedAndTheRetryDelivers() {
        intake.faults().add(Fault.drop().on("POST", "/antraege").once());

        assertFails(this::send, "OZG-TRANSFER-112", true);
        assertThat(intake.count()).isZero();
        assertThat(send().alreadyDelivered()).isFalse();
    }

    @Test
    void hangingIntakeEndsInTheClientsTimeoutAndIsRetried() {
        HttpsChannel impatient = impatientChannel();
        intake.faults().add(Fault.hang().once());

        assertFails(() -> impatient.send(OutgoingApplication.of(submissionId, xml)), "OZG-TRANSFER-112", true);
        assertThat(intake.attempts(submissionId)).isZero();
    }

    @Test
    void slowIntakeBeyondTheTimeoutStillTakesTheApplicationOverAndTheLateOneIsRecognised() {
        HttpsChannel impatient = impatientChannel();
        intake.faults().add(Fault.latency(Duration.ofSeconds(4)).once());

        assertFails(() -> impatient.send(OutgoingApplication.of(submissionId, xml)), "OZG-TRANSFER-112", true);
        Receipt retry = send();
        awaitUntil(() -> intake.attempts(submissionId) == 2); // the slow first request arrives after the retry

        assertThat(retry.alreadyDelivered()).isFalse();
        assertThat(intake.records().last().orElseThrow().status()).hasValue(409);
        assertThat(intake.applications().get(submissionId)).isEqualTo(xml);
    }

    /** Waits for something another thread does (at most 20 s); no fixed sleep. */
    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    @Test
    void answerLostAfterTheIntakeTookTheApplicationOverEndsAsRecognisedRepeat() {
        intake.faults().add(Fault.systemError(HttpsIntakeMock.Error.STORE_THEN_DROP).once());

        assertFails(this::send, "OZG-TRANSFER-112", true);
        assertThat(intake.count()).isEqualTo(1);
        Receipt retry = send();

        assertThat(retry.alreadyDelivered()).isTrue();
        assertThat(intake.count()).isEqualTo(1);
        assertThat(intake.attempts(submissionId)).isEqualTo(2);
    }

    @Test
    void timeoutAfterTheIntakeTookTheApplicationOverEndsAsRecognisedRepeat() {
        HttpsChannel impatient = impatientChannel();
        intake.faults().add(Fault.systemError(HttpsIntakeMock.Error.STORE_THEN_HANG).once());

        assertFails(() -> impatient.send(OutgoingApplication.of(submissionId, xml)), "OZG-TRANSFER-112", true);

        assertThat(send().alreadyDelivered()).isTrue();
        assertThat(intake.attempts(submissionId)).isEqualTo(2);
    }

    @Test
    void answerWithoutReceiptIsRetriedAndTheRetryIsRecognised() {
        intake.faults().add(Fault.systemError(HttpsIntakeMock.Error.NO_RECEIPT).once());

        assertFails(this::send, "OZG-TRANSFER-113", true);

        assertThat(send().alreadyDelivered()).isTrue();
        assertThat(intake.count()).isEqualTo(1);
    }

    @Test
    void refusalIsAPermanentFailure() {
        intake.faults().add(Fault.status(422, "text/plain", "Fachdaten unvollständig").once());

        assertFails(this::send, "OZG-TRANSFER-110", false);
        assertThat(intake.count()).isZero();
    }

    @Test
    void malformedXmlIsRefusedAsPermanentFailure() {
        assertFails(() -> channel.send(OutgoingApplication.of(submissionId, "<antrag>".getBytes(StandardCharsets.UTF_8))),
                "OZG-TRANSFER-110", false);
        assertThat(intake.records().last().orElseThrow().status()).hasValue(400);
        assertThat(intake.count()).isZero();
    }

    @Test
    void anotherPathIsNotTheIntake() {
        HttpsChannel wrongPath = HttpsChannel.builder(intake.uri("/eingang"), portalTls().build()).build();

        assertFails(() -> wrongPath.send(OutgoingApplication.of(submissionId, xml)), "OZG-TRANSFER-110", false);
        assertThat(intake.records().last().orElseThrow().status()).hasValue(404);
    }
}
