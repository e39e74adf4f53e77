package de.ozgsdk.sandbox.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.persistence.OutboxEntry;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.persistence.TestClock;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.HttpsIntakeMock;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.HttpsChannel;
import de.ozgsdk.transfer.OutgoingApplication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole path over sockets: applications enqueued in an H2 outbox, drained by the {@code OutboxDispatcher} through
 * the {@code ChannelRouter} and {@code HttpsChannel} into the sandbox's mutual-TLS intake, which fails in every way
 * it can before it works; afterwards the intake holds each application exactly once.
 */
class HttpsIntakeOutboxTest {

    private static final String KOELN = "koeln-buergeramt";

    private final TestClock clock = new TestClock(Instant.parse("2026-03-14T09:30:00Z"));
    private final Database db = Database.h2InMemory("intake_" + UUID.randomUUID().toString().replace("-", ""));
    private final Outbox outbox = Outbox.builder(db).clock(clock).maxAttempts(8)
            .backoffBase(Duration.ofSeconds(30)).build();
    private final SandboxPki pki = SandboxPki.generate();
    private final List<String> receipts = new CopyOnWriteArrayList<>();
    private HttpsIntakeMock intake = HttpsIntakeMock.builder().https(pki).start();

    @AfterEach
    void stop() {
        intake.close();
        db.close();
    }

    private OutboxDispatcher dispatcher(int port) {
        HttpClientConfig tls = HttpClientConfig.builder()
                .clientCredential(pki.issueClient("ozg-portal"))
                .trustedCertificates(pki.trust())
                .maxRetries(0)
                .callTimeout(Duration.ofSeconds(20))
                .build();
        ChannelRouter router = ChannelRouter.builder()
                .route(KOELN, HttpsChannel.builder(URI.create("https://127.0.0.1:" + port + "/antraege"), tls).build())
                .onReceipt((destination, receipt) -> receipts.add(receipt.submissionId()
                        + (receipt.alreadyDelivered() ? " repeat" : "")))
                .build();
        return OutboxDispatcher.builder(outbox, router).workerId("portal-1").build();
    }

    private Map<String, byte[]> enqueue(int count) {
        Map<String, byte[]> sent = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            byte[] xml = ("<antrag nr=\"" + i + "\"/>").getBytes(StandardCharsets.UTF_8);
            sent.put(id, xml);
            outbox.enqueue(OutgoingApplication.of(id, xml).toOutboxMessage(KOELN));
        }
        return sent;
    }

    /** Drains, lets the backoff pass, drains again, until nothing is due any more. */
    private int drainUntilSettled(OutboxDispatcher dispatcher) {
        int rounds = 0;
        while (outbox.countByStatus().get(OutboxStatus.PENDING) > 0) {
            assertThat(rounds++).as("rounds until the outbox settles").isLessThan(20);
            dispatcher.drainOnce();
            clock.advance(Duration.ofHours(1));
        }
        return rounds;
    }

    @Test
    void everyApplicationArrivesExactlyOnceThroughOutagesLostAnswersAndMissingReceipts() {
        Map<String, byte[]> sent = enqueue(30);
        intake.faults()
                .add(Fault.status(503).times(3))
                .add(Fault.drop().times(2))
                .add(Fault.systemError(HttpsIntakeMock.Error.STORE_THEN_DROP).times(2))
                .add(Fault.systemError(HttpsIntakeMock.Error.NO_RECEIPT).once());

        int rounds = drainUntilSettled(dispatcher(intake.port()));

        assertThat(rounds).isGreaterThan(1);
        assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.DELIVERED, 30L)
                .containsEntry(OutboxStatus.DEAD, 0L);
        assertThat(intake.count()).isEqualTo(30);
        sent.forEach((id, xml) -> assertThat(intake.applications().get(id)).as(id).isEqualTo(xml));
        List<Integer> attempts = new ArrayList<>();
        sent.keySet().forEach(id -> attempts.add(intake.attempts(id)));
        // 3 answers were lost after the intake took the application over: exactly those came twice
        assertThat(attempts.stream().filter(n -> n == 2)).hasSize(3);
        assertThat(attempts.stream().filter(n -> n != 1 && n != 2)).isEmpty();
        assertThat(receipts).hasSize(30).filteredOn(r -> r.endsWith(" repeat")).hasSize(3);
    }

    @Test
    void refusedApplicationIsDeadLetteredAtOnceWithTheIntakesReason() {
        String id = enqueue(1).keySet().iterator().next();
        intake.faults().add(Fault.status(422, "text/plain", "Fachdaten unvollständig").once());

        drainUntilSettled(dispatcher(intake.port()));

        OutboxEntry dead = outbox.findByIdempotencyKey(id).orElseThrow();
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(1);
        assertThat(dead.lastError()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("OZG-TRANSFER-110", "HTTP 422"));
        assertThat(intake.count()).isZero();
    }

    @Test
    void intakeDownIsRetriedUntilItIsBackOnTheSamePort() {
        Map<String, byte[]> sent = enqueue(5);
        int port = intake.port();
        intake.close();
        OutboxDispatcher dispatcher = dispatcher(port);

        dispatcher.drainOnce();
        assertThat(outbox.findByIdempotencyKey(sent.keySet().iterator().next()).orElseThrow().lastError())
                .hasValueSatisfying(reason -> assertThat(reason).contains("OZG-TRANSFER-112"));

        intake = HttpsIntakeMock.builder().https(pki).port(port).start();
        clock.advance(Duration.ofHours(1));
        drainUntilSettled(dispatcher);

        assertThat(intake.applications()).containsOnlyKeys(sent.keySet());
        assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.DELIVERED, 5L);
    }
}
