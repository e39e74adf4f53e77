package de.ozgsdk.transfer.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.persistence.OutboxEntry;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.persistence.TestClock;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.OutgoingApplication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FIT-Connect driven by the H2 outbox: failures become retries or dead letters, never a second submission. */
class FitConnectOutboxTest {

    private static final String ROUTE = "fit-connect:bauamt";

    private DeliveryService service;
    private Database db;
    private TestClock clock;
    private Outbox outbox;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void start() throws Exception {
        service = new DeliveryService();
        db = Database.h2InMemory("fitconnect-outbox-" + UUID.randomUUID());
        clock = new TestClock(Instant.now());
        outbox = Outbox.builder(db).clock(clock).maxAttempts(5).build();
        FitConnectConfig config = FitConnectConfig.builder()
                .tokenEndpoint(service.url().resolve("/token"))
                .client("api-client-1", "client-secret-not-logged")
                .submissionApi(service.url())
                .trustAnchors(TrustedCertificates.of(List.of(FitConnectKeys.CA.certificate())))
                .http(HttpClientConfig.builder().maxRetries(0).readTimeout(Duration.ofSeconds(5)).build())
                .clock(clock)
                .build();
        FitConnectChannel channel = FitConnectChannel.builder(config, FitConnectLedger.of(db, clock),
                        FitConnectTarget.xml(DeliveryService.DESTINATION, LeikaKey.parse("99010003001006"),
                                "Bauantrag", URI.create(DeliveryService.SCHEMA)))
                .build();
        dispatcher = OutboxDispatcher.builder(outbox, ChannelRouter.builder().route(ROUTE, channel).build())
                .workerId("portal-1").build();
    }

    @AfterEach
    void stop() {
        dispatcher.close();
        service.close();
        db.close();
    }

    private OutgoingApplication enqueue() {
        OutgoingApplication application = OutgoingApplication.of(UUID.randomUUID().toString(),
                "<antrag/>".getBytes(StandardCharsets.UTF_8));
        outbox.enqueue(application.toOutboxMessage(ROUTE));
        return application;
    }

    private OutboxEntry entry(OutgoingApplication application) {
        return outbox.findByIdempotencyKey(application.submissionId()).orElseThrow();
    }

    @Test
    void failuresOfTheServiceAreRetriedUntilTheApplicationIsSubmittedOnce() {
        OutgoingApplication application = enqueue();
        service.fail("PUT /v1/submissions/[^/]+", 1, () -> DeliveryService.status(503));
        service.failAfter("PUT /v1/submissions/[^/]+", 0, 1, request -> { // after the 503 above
            service.serve(request); // submitted, but the answer is lost
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        });

        dispatcher.drainOnce();
        assertThat(entry(application).lastError()).hasValueSatisfying(e -> assertThat(e).contains("OZG-TRANSFER-202"));
        clock.advance(Duration.ofMinutes(10));
        dispatcher.drainOnce();
        assertThat(entry(application).status()).isEqualTo(OutboxStatus.PENDING);
        clock.advance(Duration.ofMinutes(10));
        dispatcher.drainOnce();

        assertThat(entry(application).status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(service.count("POST", "/v1/submissions")).isEqualTo(1);
        assertThat(service.submitted()).isEqualTo(1);
    }

    @Test
    void refusedKeyIsDeadLetteredAtOnceWithTheReason() {
        OutgoingApplication application = enqueue();
        service.encryptionKid = FitConnectKeys.SHORT.kid();
        service.publishKey(FitConnectKeys.SHORT.kid(), FitConnectKeys.SHORT.wrapKeyJson());

        dispatcher.drainOnce();

        OutboxEntry dead = entry(application);
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(dead.lastError()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("OZG-TRANSFER-205").contains("2048 bit"));
    }
}
