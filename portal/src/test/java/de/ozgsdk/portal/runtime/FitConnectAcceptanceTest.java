package de.ozgsdk.portal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.sandbox.fitconnect.SandboxDestination;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.fitconnect.FitConnectChannel;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import de.ozgsdk.transfer.fitconnect.FitConnectSubscriber;
import de.ozgsdk.transfer.fitconnect.FitConnectTarget;
import de.ozgsdk.transfer.fitconnect.PendingSubmission;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 §4 on a FIT-Connect route against the sandbox's delivery service: the delivery (submit-submission) erases
 * nothing; the receiver's {@code accept-submission} event, found by
 * {@link PersonalDataRetention#checkFitConnectAcceptances}, does; a submission the delivery service rejects keeps its
 * data until the maximum retention.
 */
class FitConnectAcceptanceTest {

    private static final String ROUTE = "koeln-parken";
    private static final String LEIKA = "99050012104000";
    private static final URI SCHEMA = URI.create("urn:xoev-de:ozgsdk:test:antrag");
    private static final TenantId KOELN = TenantId.of(PortalWorld.KOELN_ARS);

    private final UUID destination = UUID.randomUUID();
    private final MutableClock serviceClock = new MutableClock();

    @Test
    void onlyTheReceiversAcceptanceEventErasesTheApplication() throws Exception {
        Path metadataSchema = fixture("fit-connect/metadata/2.1.0/metadata.schema.json");
        try (PortalWorld world = new PortalWorld("h2");
                FitConnectSandbox fitConnect = sandbox()) {
            PortalWorld.Node node = world.node(b -> b.retention(RetentionPolicy.builder()
                    .acceptanceByEvent(ROUTE).build()));
            FitConnectChannel channel = channel(fitConnect, node);
            String name = UniquePersona.letters("XF", 16);
            SubmissionReceipt receipt = submit(node, name);
            deliver(node, channel);
            PersonalDataRetention retention = node.runtime.retention();

            assertThat(retention.checkFitConnectAcceptances(ROUTE, channel)).as("not fetched yet").isZero();
            assertThat(retention.eraseDue()).isZero();
            FitConnectSubscriber subscriber = FitConnectSubscriber.builder(config(fitConnect, "fachverfahren",
                            "fachverfahren-secret"), destination)
                    .decryptionKey(fitConnect.encryptionKey(destination).getKeyID(),
                            fitConnect.encryptionKey(destination).toPrivateKey())
                    .signingKey(fitConnect.signatureKey(destination).getKeyID(),
                            fitConnect.signatureKey(destination).toPrivateKey())
                    .metadataSchema(metadataSchema)
                    .build();
            for (PendingSubmission pending : subscriber.pending()) {
                subscriber.accept(subscriber.fetch(pending));
            }

            assertThat(retention.checkFitConnectAcceptances(ROUTE, channel)).isEqualTo(1);
            assertThat(acknowledgement(node, receipt)).startsWith("ACCEPTED application/secevent+jwt eyJ");
            assertThat(retention.eraseDue()).isEqualTo(1);
            assertThat(PersonalDataScan.of(Map.of("test", new byte[32]), List.of(name)).database(node.db)).isEmpty();
        }
    }

    @Test
    void aSubmissionTheDeliveryServiceRejectsIsKeptUntilTheMaximumRetention() throws Exception {
        try (PortalWorld world = new PortalWorld("h2");
                FitConnectSandbox fitConnect = sandbox()) {
            PortalWorld.Node node = world.node(b -> b.retention(RetentionPolicy.builder()
                    .acceptanceByEvent(ROUTE).build()));
            FitConnectChannel channel = channel(fitConnect, node);
            String name = UniquePersona.letters("XJ", 16);
            SubmissionReceipt receipt = submit(node, name);
            deliver(node, channel);
            serviceClock.advance(Duration.ofHours(2));
            fitConnect.rejectOverdueSubmissions(); // nobody fetched it within the hour
            PersonalDataRetention retention = node.runtime.retention();

            assertThat(retention.checkFitConnectAcceptances(ROUTE, channel)).isEqualTo(1);
            assertThat(acknowledgement(node, receipt)).isEqualTo("REJECTED null null");
            assertThat(retention.eraseDue()).as("kept for the operator").isZero();
            world.advanceClock(Duration.ofDays(30).plusMinutes(1));
            assertThat(retention.eraseDue()).isEqualTo(1);
            assertThat(PersonalDataScan.of(Map.of("test", new byte[32]), List.of(name)).database(node.db)).isEmpty();
        }
    }

    private FitConnectSandbox sandbox() {
        return FitConnectSandbox.builder().clock(serviceClock).autoRejectAfter(Duration.ofHours(1))
                .tokenLifetime(Duration.ofDays(1))
                .sender("portal", "portal-secret")
                .subscriber("fachverfahren", "fachverfahren-secret", destination)
                .destination(SandboxDestination.builder(destination).service(LeikaKey.parse(LEIKA), "DE05315000")
                        .submissionSchema(SCHEMA.toString(), "application/xml").build())
                .start();
    }

    private FitConnectConfig config(FitConnectSandbox fitConnect, String client, String secret) {
        return FitConnectConfig.builder()
                .clock(serviceClock)
                .tokenEndpoint(fitConnect.tokenUrl())
                .client(client, secret)
                .submissionApi(fitConnect.baseUrl())
                .routing(fitConnect.routingUrl(), fitConnect.portalJwksUrl())
                .trustAnchors(TrustedCertificates.of(List.of(fitConnect.trustAnchor())))
                .build();
    }

    private FitConnectChannel channel(FitConnectSandbox fitConnect, PortalWorld.Node node) {
        return FitConnectChannel.builder(config(fitConnect, "portal", "portal-secret"),
                        FitConnectLedger.of(node.db, serviceClock),
                        FitConnectTarget.xml(destination, LeikaKey.parse(LEIKA), "Anwohnerparkausweis", SCHEMA))
                .build();
    }

    private static void deliver(PortalWorld.Node node, FitConnectChannel channel) {
        ChannelRouter router = ChannelRouter.builder().route(ROUTE, channel)
                .onReceipt(node.runtime.retention().receiptHandler()).build();
        try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(node.outbox, router).workerId("t").build()) {
            dispatcher.drainOnce();
        }
        assertThat(node.outbox.countByStatus()).as("the application submitted to FIT-Connect")
                .containsEntry(OutboxStatus.DELIVERED, 1L).containsEntry(OutboxStatus.PENDING, 0L)
                .containsEntry(OutboxStatus.DEAD, 0L);
    }

    private static SubmissionReceipt submit(PortalWorld.Node node, String given) {
        DraftOwner owner = ServiceRuntime.anonymousOwner(KOELN);
        ApplicationState s = node.runtime.start(KOELN, PortalWorld.FREE, Locale.GERMAN, owner, Optional.empty());
        s = node.runtime.postStep(s.ref(), s.version(), 0, Flows.applicant(given, "Mustermann", "12.08.1964"),
                StepAction.NEXT).state();
        s = node.runtime.postStep(s.ref(), s.version(), 1, Flows.address("51147"), StepAction.NEXT).state();
        s = node.runtime.postStep(s.ref(), s.version(), 2, Flows.vehicle("K-AB 123"), StepAction.NEXT).state();
        return node.runtime.submit(s.ref(), s.version());
    }

    private static String acknowledgement(PortalWorld.Node node, SubmissionReceipt receipt) throws SQLException {
        try (Connection connection = node.db.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT outcome, media_type,"
                        + " acknowledgement FROM ozg_delivery_acknowledgement WHERE idempotency_key = ?")) {
            statement.setString(1, receipt.submissionId().toString());
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                byte[] token = row.getBytes(3);
                return row.getString(1) + " " + row.getString(2) + " "
                        + (token == null ? null : new String(token, StandardCharsets.US_ASCII));
            }
        }
    }

    /** A FITKO file of the shared fixtures; the test is skipped where they are not available. */
    private static Path fixture(String relative) {
        String configured = System.getenv("OZG_FIXTURES_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, "fitko", relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared").resolve("fixtures").resolve("fitko").resolve(relative);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        Assumptions.abort("the FITKO fixture " + relative + " is not available (OZG_FIXTURES_DIR)");
        throw new IllegalStateException("unreachable");
    }
}
