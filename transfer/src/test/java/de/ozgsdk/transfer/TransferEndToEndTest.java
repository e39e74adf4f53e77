package de.ozgsdk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.persistence.OutboxEntry;
import de.ozgsdk.persistence.OutboxMessage;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.persistence.TestClock;
import de.ozgsdk.xoev.message.ApplicationMessageWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path of an application: H2 outbox, dispatcher, router, and a real receiver on each channel (an intake over
 * mutual TLS, a drop directory read by a contract-following importer) that fails before it succeeds.
 */
class TransferEndToEndTest {

    private static final String HTTPS = "koeln-buergeramt";
    private static final String DROP = "bonn-meldewesen";

    private final TestClock clock = new TestClock(Instant.parse("2026-03-14T09:30:00Z"));
    private final Database db = Database.h2InMemory("transfer_" + UUID.randomUUID().toString().replace("-", ""));
    private final Outbox outbox = Outbox.builder(db).clock(clock).maxAttempts(5)
            .backoffBase(Duration.ofSeconds(30)).build();
    private final List<String> receipts = new CopyOnWriteArrayList<>();
    private final ApplicationMessageWriter writer = ApplicationMessageWriter.create();

    private IntakeServer intake;
    private OutboxDispatcher dispatcher;

    @TempDir
    Path root;
    private Path share;

    @BeforeEach
    void start() throws Exception {
        intake = new IntakeServer();
        share = Files.createDirectory(root.resolve("share"));
        ChannelRouter router = ChannelRouter.builder()
                .route(HTTPS, HttpsChannel.builder(intake.url("/antraege"), IntakeServer.portalTls().build()).build())
                .route(DROP, FileDropChannel.create(share, clock))
                .onReceipt((destination, receipt) -> receipts.add(destination + " " + receipt.submissionId()
                        + (receipt.alreadyDelivered() ? " repeat" : "")))
                .build();
        dispatcher = OutboxDispatcher.builder(outbox, router).workerId("portal-1").build();
    }

    @AfterEach
    void stop() {
        intake.close();
        db.close();
    }

    @Test
    void eachApplicationArrivesExactlyOnceThroughOutagesAndALostAnswer() throws Exception {
        OutgoingApplication koeln = OutgoingApplication.write(Applications.wohnsitzanmeldung("Erika"), writer);
        OutgoingApplication bonn = OutgoingApplication.write(Applications.wohnsitzanmeldung("Max"), writer);
        db.runInTransaction(conn -> {
            outbox.enqueue(conn, koeln.toOutboxMessage(HTTPS));
            outbox.enqueue(conn, bonn.toOutboxMessage(DROP));
        });
        intake.thenAnswer(new MockResponse.Builder().code(503).build());
        intake.thenDo(request -> {
            intake.accept(request); // taken over, but the answer never reaches the portal
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        });
        Path offline = Files.move(share, root.resolve("share-unmounted"));

        assertThat(dispatcher.drainOnce()).isEqualTo(2);
        assertThat(lastError(koeln)).contains("OZG-TRANSFER-111", "HTTP 503");
        assertThat(lastError(bonn)).contains("OZG-TRANSFER-121");
        assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.PENDING, 2L);

        Files.move(offline, share);
        clock.advance(Duration.ofMinutes(5));
        assertThat(dispatcher.drainOnce()).isEqualTo(2);
        assertThat(lastError(koeln)).contains("OZG-TRANSFER-112");
        assertThat(status(bonn)).isEqualTo(OutboxStatus.DELIVERED);

        clock.advance(Duration.ofMinutes(5));
        assertThat(dispatcher.drainOnce()).isEqualTo(1);
        assertThat(status(koeln)).isEqualTo(OutboxStatus.DELIVERED);

        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.drainOnce()).isZero();
        assertThat(intake.applications()).containsOnlyKeys(koeln.submissionId());
        assertThat(intake.applications().get(koeln.submissionId()).toByteArray())
                .isEqualTo(koeln.open().readAllBytes());
        assertThat(intake.requests()).hasSize(3);
        assertThat(ImportedApplications.in(share)).containsExactly(bonn.submissionId());
        assertThat(Files.readAllBytes(share.resolve(bonn.submissionId() + ".xml")))
                .isEqualTo(bonn.open().readAllBytes());
        assertThat(receipts).containsExactly(DROP + " " + bonn.submissionId(),
                HTTPS + " " + koeln.submissionId() + " repeat");
    }

    @Test
    void refusedApplicationIsDeadLetteredAtOnceWithTheReason() {
        OutgoingApplication koeln = OutgoingApplication.write(Applications.wohnsitzanmeldung("Erika"), writer);
        outbox.enqueue(koeln.toOutboxMessage(HTTPS));
        intake.thenAnswer(new MockResponse.Builder().code(422).body("Fachdaten unvollständig").build());

        dispatcher.drainOnce();

        OutboxEntry dead = outbox.findByIdempotencyKey(koeln.submissionId()).orElseThrow();
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(1);
        assertThat(dead.lastError()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("OZG-TRANSFER-110", koeln.submissionId(), "HTTP 422"));
        assertThat(intake.applications()).isEmpty();
    }

    @Test
    void entryForADestinationWithoutChannelIsDeadLetteredNamingTheRoutes() {
        OutgoingApplication application = OutgoingApplication.write(Applications.wohnsitzanmeldung("Erika"), writer);
        outbox.enqueue(application.toOutboxMessage("aachen-gewerbeamt"));

        dispatcher.drainOnce();

        OutboxEntry dead = outbox.findByIdempotencyKey(application.submissionId()).orElseThrow();
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(dead.lastError()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("OZG-TRANSFER-104", "aachen-gewerbeamt", HTTPS, DROP));
    }

    @Test
    void entryWhoseKeyIsNoSubmissionIdIsDeadLettered() throws Exception {
        outbox.enqueue(OutboxMessage.of("antrag:4711/a", DROP, new byte[] {1}));

        dispatcher.drainOnce();

        OutboxEntry dead = outbox.findByIdempotencyKey("antrag:4711/a").orElseThrow();
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(dead.lastError()).hasValueSatisfying(reason -> assertThat(reason).contains("OZG-TRANSFER-101"));
        assertThat(ImportedApplications.in(share)).isEmpty();
    }

    @Test
    void enqueueingTheSameApplicationTwiceDeliversItOnce() throws Exception {
        OutgoingApplication bonn = OutgoingApplication.write(Applications.wohnsitzanmeldung("Max"), writer);
        outbox.enqueue(bonn.toOutboxMessage(DROP));
        outbox.enqueue(bonn.toOutboxMessage(DROP));

        assertThat(dispatcher.drainOnce()).isEqualTo(1);

        assertThat(ImportedApplications.in(share)).containsExactly(bonn.submissionId());
        assertThat(outbox.countByStatus()).isEqualTo(Map.of(OutboxStatus.PENDING, 0L, OutboxStatus.IN_FLIGHT, 0L,
                OutboxStatus.DELIVERED, 1L, OutboxStatus.DEAD, 0L));
    }

    @Test
    void failingReceiptHandlerLeadsToARepeatThatTheReceiverRecognises() {
        AtomicInteger calls = new AtomicInteger();
        ChannelRouter router = ChannelRouter.builder()
                .route(HTTPS, HttpsChannel.builder(intake.url("/antraege"), IntakeServer.portalTls().build()).build())
                .onReceipt((destination, receipt) -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new SQLException("receipt table locked");
                    }
                    receipts.add(receipt.submissionId() + (receipt.alreadyDelivered() ? " repeat" : ""));
                })
                .build();
        OutboxDispatcher worker = OutboxDispatcher.builder(outbox, router).workerId("portal-2").build();
        OutgoingApplication koeln = OutgoingApplication.write(Applications.wohnsitzanmeldung("Erika"), writer);
        outbox.enqueue(koeln.toOutboxMessage(HTTPS));

        worker.drainOnce();
        assertThat(status(koeln)).isEqualTo(OutboxStatus.PENDING);
        clock.advance(Duration.ofMinutes(5));
        worker.drainOnce();

        assertThat(status(koeln)).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(receipts).containsExactly(koeln.submissionId() + " repeat");
        assertThat(intake.applications()).containsOnlyKeys(koeln.submissionId());
    }

    private String lastError(OutgoingApplication application) {
        return outbox.findByIdempotencyKey(application.submissionId()).orElseThrow().lastError().orElse("");
    }

    private OutboxStatus status(OutgoingApplication application) {
        return outbox.findByIdempotencyKey(application.submissionId()).orElseThrow().status();
    }
}
