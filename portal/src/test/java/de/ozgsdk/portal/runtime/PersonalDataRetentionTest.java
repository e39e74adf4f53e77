package de.ozgsdk.portal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.persistence.AuditEvent;
import de.ozgsdk.persistence.AuditLog;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.Receipt;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 21 §4 at the runtime: when the personal data of a submitted application goes (after the receiver's acceptance
 * and the configured retention; dead-lettered and rejected ones after the maximum, audited), the operator's erasure,
 * the holders, and two nodes erasing at once.
 */
class PersonalDataRetentionTest {

    private static final TenantId KOELN = TenantId.of(PortalWorld.KOELN_ARS);

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDeadLetteredApplicationKeepsItsDataUntilTheMaximumRetentionThenGoesWithAnAuditEntry(String database)
            throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            PortalWorld.Node node = world.node();
            String name = UniquePersona.letters("XD", 16);
            SubmissionReceipt receipt = submit(node, name);
            drain(node, ChannelRouter.builder().build()); // no route: dead-lettered at once
            assertThat(node.outbox.findByIdempotencyKey(receipt.submissionId().toString()).orElseThrow().status())
                    .isEqualTo(OutboxStatus.DEAD);

            world.clock.advance(Duration.ofDays(29));
            assertThat(node.runtime.retention().eraseDue()).as("kept for the operator").isZero();
            assertThat(scan(name).database(node.db)).isNotEmpty();

            world.clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertThat(node.runtime.retention().eraseDue()).isEqualTo(1);

            assertThat(scan(name).database(node.db)).isEmpty();
            assertThat(erasures(world, node)).containsExactly("retention application.erase-undelivered "
                    + receipt.applicationId());
            assertThat(node.runtime.receipt(ref(receipt, node)))
                    .get().satisfies(proof -> {
                        assertThat(proof.submissionId()).isEqualTo(receipt.submissionId());
                        assertThat(proof.timestampToken()).isEqualTo(receipt.timestampToken());
                        assertThat(proof.data().isBlank()).isTrue();
                    });
        }
    }

    @Test
    void anAcceptedApplicationStaysForTheConfiguredRetentionAndNotLonger() throws Exception {
        try (PortalWorld world = new PortalWorld("h2")) {
            PortalWorld.Node node = world.node(b -> b.retention(RetentionPolicy.builder()
                    .afterAcceptance(Duration.ofDays(2)).build()));
            String name = UniquePersona.letters("XA", 16);
            submit(node, name);
            drain(node, accepting(node));

            world.clock.advance(Duration.ofDays(2).minusMinutes(1));
            assertThat(node.runtime.retention().eraseDue()).isZero();
            assertThat(scan(name).database(node.db)).isNotEmpty();
            world.clock.advance(Duration.ofMinutes(2));
            assertThat(node.runtime.retention().eraseDue()).isEqualTo(1);
            assertThat(scan(name).database(node.db)).isEmpty();
            assertThat(erasures(world, node)).as("an accepted application needs no audit entry").isEmpty();
        }
    }

    @Test
    void onARouteAcceptedByEventTheDeliveryAloneErasesNothing() throws Exception {
        try (PortalWorld world = new PortalWorld("h2")) {
            PortalWorld.Node node = world.node(b -> b.retention(RetentionPolicy.builder()
                    .acceptanceByEvent("koeln-parken").build()));
            String name = UniquePersona.letters("XE", 16);
            SubmissionReceipt receipt = submit(node, name);
            drain(node, accepting(node));

            assertThat(node.runtime.retention().eraseDue()).as("submitted to FIT-Connect, not yet accepted").isZero();
            node.runtime.retention().record("koeln-parken", receipt.submissionId().toString(),
                    PersonalDataRetention.Outcome.ACCEPTED, Optional.of("fit-connect-id"),
                    Optional.of("eyJ.accept-submission.token".getBytes(StandardCharsets.US_ASCII)),
                    Optional.of("application/secevent+jwt"));
            assertThat(node.runtime.retention().eraseDue()).isEqualTo(1);
            assertThat(scan(name).database(node.db)).isEmpty();
        }
    }

    @Test
    void aRejectedApplicationIsKeptUntilTheMaximumRetention() throws Exception {
        try (PortalWorld world = new PortalWorld("h2")) {
            PortalWorld.Node node = world.node(b -> b.retention(RetentionPolicy.builder()
                    .acceptanceByEvent("koeln-parken").maximum(Duration.ofDays(7)).build()));
            String name = UniquePersona.letters("XR", 16);
            SubmissionReceipt receipt = submit(node, name);
            drain(node, accepting(node));
            assertThat(node.runtime.retention().record("koeln-parken", receipt.submissionId().toString(),
                    PersonalDataRetention.Outcome.REJECTED, Optional.empty(), Optional.empty(), Optional.empty()))
                    .isTrue();

            world.clock.advance(Duration.ofDays(7).minusMinutes(1));
            assertThat(node.runtime.retention().eraseDue()).isZero();
            world.clock.advance(Duration.ofMinutes(2));
            assertThat(node.runtime.retention().eraseDue()).isEqualTo(1);
            assertThat(scan(name).database(node.db)).isEmpty();
            assertThat(erasures(world, node)).hasSize(1);
        }
    }

    @Test
    void anOperatorErasesAnUndeliveredApplicationAtOnceAndIsAudited() throws Exception {
        try (PortalWorld world = new PortalWorld("h2")) {
            PortalWorld.Node node = world.node();
            String name = UniquePersona.letters("XP", 16);
            SubmissionReceipt receipt = submit(node, name);
            drain(node, ChannelRouter.builder().build());

            assertThat(node.runtime.retention().eraseNow(receipt.submissionId(), "operator-7")).isTrue();
            assertThat(node.runtime.retention().eraseNow(receipt.submissionId(), "operator-7")).isFalse();

            assertThat(scan(name).database(node.db)).isEmpty();
            assertThat(erasures(world, node)).containsExactly("operator-7 application.erase-undelivered "
                    + receipt.applicationId());
        }
    }

    @Test
    void everyHolderIsCalledForDeletedDraftsAndErasedApplicationsAndItsFailureRollsBack() throws Exception {
        try (PortalWorld world = new PortalWorld("h2")) {
            List<UUID> called = Collections.synchronizedList(new ArrayList<>());
            List<Boolean> failing = new ArrayList<>(List.of(false));
            PortalWorld.Node node = world.node(b -> b.personalDataHolder((connection, application) -> {
                if (failing.get(0)) {
                    throw new SQLException("holder down", "08006");
                }
                called.add(application.id());
            }));
            DraftOwner owner = ServiceRuntime.anonymousOwner(KOELN);
            ApplicationState draft = node.runtime.start(KOELN, PortalWorld.FREE, Locale.GERMAN, owner,
                    Optional.empty());
            assertThat(node.runtime.discard(draft.ref())).isTrue();
            assertThat(called).containsExactly(draft.ref().id());

            SubmissionReceipt receipt = submit(node, "Erika");
            drain(node, accepting(node));
            failing.set(0, true);
            assertThatThrownBy(() -> node.runtime.retention().eraseDue()).isInstanceOf(ProcessingException.class);
            assertThat(node.outbox.findByIdempotencyKey(receipt.submissionId().toString())).as("rolled back")
                    .isPresent();
            failing.set(0, false);
            assertThat(node.runtime.retention().eraseDue()).isEqualTo(1);
            assertThat(called).containsExactly(draft.ref().id(), receipt.applicationId());
            assertThat(node.outbox.findByIdempotencyKey(receipt.submissionId().toString())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoNodesErasingAtOnceEraseEveryApplicationOnce(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            PortalWorld.Node first = world.node();
            PortalWorld.Node second = world.node();
            for (int i = 0; i < 6; i++) {
                submit(i % 2 == 0 ? first : second, "Erika");
            }
            drain(first, accepting(first));
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> erase(first, start));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> erase(second, start));
            start.countDown();

            assertThat(a.get() + b.get()).isEqualTo(6);
            assertThat(first.runtime.retention().eraseDue() + second.runtime.retention().eraseDue()).isZero();
        }
    }

    @Test
    void refusesARetentionOutsideItsLimits() {
        assertThatThrownBy(() -> RetentionPolicy.builder().afterAcceptance(Duration.ofDays(91)).build())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((OzgException) e).code().code()).isEqualTo("OZG-PORTAL-850"))
                .hasMessageContaining("afterAcceptance");
        assertThatThrownBy(() -> RetentionPolicy.builder().maximum(Duration.ofHours(1)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maximum");
        assertThatThrownBy(() -> RetentionPolicy.builder().afterAcceptance(Duration.ofDays(40)).build())
                .as("the maximum must not be shorter").isInstanceOf(ConfigurationException.class);
        assertThat(RetentionPolicy.defaults()).isEqualTo(new RetentionPolicy(Duration.ZERO, Duration.ofDays(30),
                Set.of()));
    }

    private static int erase(PortalWorld.Node node, CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return node.runtime.retention().eraseDue();
    }

    /** Fills and submits the free service (no login, no fee) with {@code given} as the given name. */
    private static SubmissionReceipt submit(PortalWorld.Node node, String given) {
        DraftOwner owner = ServiceRuntime.anonymousOwner(KOELN);
        ApplicationState s = node.runtime.start(KOELN, PortalWorld.FREE, Locale.GERMAN, owner, Optional.empty());
        s = node.runtime.postStep(s.ref(), s.version(), 0, Flows.applicant(given, "Mustermann", "12.08.1964"),
                StepAction.NEXT).state();
        s = node.runtime.postStep(s.ref(), s.version(), 1, Flows.address("51147"), StepAction.NEXT).state();
        s = node.runtime.postStep(s.ref(), s.version(), 2, Flows.vehicle("K-AB 123"), StepAction.NEXT).state();
        return node.runtime.submit(s.ref(), s.version());
    }

    /** A router whose back office takes every application over, with the receipt handler of the node's runtime. */
    private static ChannelRouter accepting(PortalWorld.Node node) {
        return ChannelRouter.builder()
                .route("koeln-parken", application -> Receipt.builder(application.submissionId(), Instant.now())
                        .reference("AZ-" + application.submissionId().substring(0, 8))
                        .document("<eingangsbestaetigung/>".getBytes(StandardCharsets.UTF_8),
                                Optional.of("application/xml")).build())
                .onReceipt(node.runtime.retention().receiptHandler())
                .build();
    }

    private static void drain(PortalWorld.Node node, ChannelRouter router) {
        try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(node.outbox, router).workerId("t").build()) {
            dispatcher.drainOnce();
        }
    }

    private static PersonalDataScan scan(String name) {
        return PersonalDataScan.of(Map.of("test", new byte[32]), List.of(name));
    }

    private static ApplicationRef ref(SubmissionReceipt receipt, PortalWorld.Node node) throws SQLException {
        try (Connection connection = node.db.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT owner_id FROM ozg_submission WHERE application_id = ?")) {
            statement.setObject(1, receipt.applicationId());
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return new ApplicationRef(receipt.applicationId(), DraftOwner.of(KOELN, row.getString(1)));
            }
        }
    }

    /** The audit entries of erasures: actor, action, subject. */
    private static List<String> erasures(PortalWorld world, PortalWorld.Node node) {
        Instant now = Clock.offset(Clock.systemUTC(), Duration.ofDays(400)).instant();
        return AuditLog.create(node.db, world.clock).query(KOELN, Instant.EPOCH, now).stream()
                .map(AuditEvent::entry).filter(e -> e.action().startsWith("application.erase"))
                .map(e -> e.actor() + " " + e.action() + " " + e.subjectId()).toList();
    }
}
