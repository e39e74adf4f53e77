package de.ozgsdk.portal.runtime;

import static de.ozgsdk.portal.runtime.Flows.address;
import static de.ozgsdk.portal.runtime.Flows.applicant;
import static de.ozgsdk.portal.runtime.Flows.vehicle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.auth.AttributeValue;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.persistence.AuditEvent;
import de.ozgsdk.persistence.AuditLog;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.profile.PortalProfile;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The runtime's rules one by one, with the real providers of {@link PortalWorld}, on H2 and PostgreSQL. */
class ServiceRuntimeTest {

    private static final TenantId KOELN = TenantId.of(PortalWorld.KOELN_ARS);
    private static final TenantId BONN = TenantId.of(PortalWorld.BONN_ARS);
    private static final DataPath POSTAL_CODE = DataPath.parse("G99100000002[0].F99100000005");

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    private static Citizen citizen(String subject, TrustLevel level) {
        return Citizen.builder().subjectKey(subject).issuer("https://id.sandbox.ozgsdk.de/idp").trustLevel(level)
                .authenticatedAt(Instant.now())
                .postboxReference(UUID.nameUUIDFromBytes(subject.getBytes()).toString())
                .attribute(PersonAttribute.GIVEN_NAME, AttributeValue.of("givenName", "ERIKA", Optional.empty()))
                .attribute(PersonAttribute.SURNAME, AttributeValue.of("surname", "MUSTERMANN", Optional.empty()))
                .attribute(PersonAttribute.BIRTH_DATE, AttributeValue.of("birthdate", "1964-08-12",
                        Optional.empty()))
                .build();
    }

    /** A free application without login, filled up to the review page. */
    private static ApplicationState reviewed(ServiceRuntime runtime, DraftOwner owner) {
        ApplicationState s = runtime.start(owner.tenantId(), PortalWorld.FREE, Locale.GERMAN, owner,
                Optional.empty());
        s = runtime.postStep(s.ref(), s.version(), 0, applicant("Erika", "Mustermann", "12.08.1964"),
                StepAction.NEXT).state();
        s = runtime.postStep(s.ref(), s.version(), 1, address("51147"), StepAction.NEXT).state();
        s = runtime.postStep(s.ref(), s.version(), 2, vehicle("K-AB 123"), StepAction.NEXT).state();
        assertThat(s.stage()).isEqualTo(Stage.REVIEW);
        return s;
    }

    private static String code(Throwable e) {
        return ((OzgException) e).code().code();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void backKeepsTheInputWithoutValidatingIt(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            ServiceRuntime runtime = world.node().runtime;
            DraftOwner owner = ServiceRuntime.anonymousOwner(KOELN);
            ApplicationState s = runtime.start(KOELN, PortalWorld.FREE, Locale.GERMAN, owner, Optional.empty());
            s = runtime.postStep(s.ref(), s.version(), 0, applicant("Erika", "Mustermann", "12.08.1964"),
                    StepAction.NEXT).state();

            StepOutcome back = runtime.postStep(s.ref(), s.version(), 1, address("5114"), StepAction.BACK);

            assertThat(back.violations()).isEmpty();
            assertThat(back.state().step()).hasValue(0);
            assertThat(back.state().data().value(POSTAL_CODE)).contains("5114");
            assertThat(runtime.step(s.ref(), 1).violations()).isEmpty();
            assertThat(runtime.step(s.ref(), 1).state().data().value(POSTAL_CODE)).contains("5114");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aChangeFromAStalePageIsReportedAndTheOtherChangeKept(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            ServiceRuntime tabA = world.node().runtime;
            ServiceRuntime tabB = world.node().runtime;
            DraftOwner owner = ServiceRuntime.anonymousOwner(KOELN);
            ApplicationState s = tabA.start(KOELN, PortalWorld.FREE, Locale.GERMAN, owner, Optional.empty());
            s = tabA.postStep(s.ref(), s.version(), 0, applicant("Erika", "Mustermann", "12.08.1964"),
                    StepAction.NEXT).state();
            long seenByBoth = s.version();
            tabA.postStep(s.ref(), seenByBoth, 1, address("51147"), StepAction.SAVE);
            ApplicationRef ref = s.ref();

            assertThatThrownBy(() -> tabB.postStep(ref, seenByBoth, 1, address("53111"), StepAction.SAVE))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(code(e)).isEqualTo("OZG-PORTAL-302"));
            assertThat(tabB.state(ref).data().value(POSTAL_CODE)).contains("51147");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void noOtherOwnerOrTenantCanLoadAnApplicationOrItsReceipt(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            ServiceRuntime runtime = world.node().runtime;
            Citizen erika = citizen("erika", TrustLevel.HIGH);
            DraftOwner koelnErika = ServiceRuntime.citizenOwner(KOELN, erika);
            ApplicationState s = runtime.start(KOELN, PortalWorld.PERMIT, Locale.GERMAN, koelnErika,
                    Optional.of(erika));
            UUID id = s.ref().id();
            List<ApplicationRef> strangers = List.of(
                    new ApplicationRef(id, ServiceRuntime.citizenOwner(BONN, erika)),
                    new ApplicationRef(id, ServiceRuntime.citizenOwner(KOELN, citizen("max", TrustLevel.HIGH))),
                    new ApplicationRef(id, ServiceRuntime.anonymousOwner(KOELN)),
                    new ApplicationRef(id, DraftOwner.of(BONN, koelnErika.userId())));

            for (ApplicationRef stranger : strangers) {
                assertThatThrownBy(() -> runtime.state(stranger)).isInstanceOf(NotFoundException.class)
                        .satisfies(e -> assertThat(code(e)).isEqualTo("OZG-PORTAL-301"));
                assertThatThrownBy(() -> runtime.postStep(stranger, 1, 0, Map.of(), StepAction.SAVE))
                        .isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> runtime.attachCitizen(stranger, erika))
                        .isInstanceOf(NotFoundException.class);
                assertThat(runtime.drafts(stranger.owner())).isEmpty();
            }
            DraftOwner anonymous = ServiceRuntime.anonymousOwner(KOELN);
            ApplicationState free = reviewed(runtime, anonymous);
            SubmissionReceipt receipt = runtime.submit(free.ref(), free.version());
            ApplicationRef otherTenant = new ApplicationRef(free.ref().id(), DraftOwner.of(BONN, anonymous.userId()));
            assertThat(runtime.receipt(otherTenant)).isEmpty();
            assertThat(runtime.receipt(new ApplicationRef(free.ref().id(), ServiceRuntime.anonymousOwner(KOELN))))
                    .isEmpty();
            assertThatThrownBy(() -> runtime.submit(otherTenant, 1)).isInstanceOf(NotFoundException.class);
            assertThat(runtime.receipt(free.ref())).contains(receipt);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void draftsExpireThirtyDaysAfterTheLastChangeByDefaultAndArePurged(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            ServiceRuntime runtime = world.node().runtime;
            ServiceRuntime shortLived = world.node(b -> b.draftLifetime(Duration.ofDays(2))).runtime;
            DraftOwner owner = ServiceRuntime.anonymousOwner(KOELN);
            ApplicationState kept = runtime.start(KOELN, PortalWorld.FREE, Locale.GERMAN, owner, Optional.empty());
            ApplicationState brief = shortLived.start(KOELN, PortalWorld.FREE, Locale.GERMAN, owner,
                    Optional.empty());

            world.clock.advance(Duration.ofDays(29));
            assertThatThrownBy(() -> runtime.state(brief.ref())).isInstanceOf(NotFoundException.class);
            assertThat(runtime.state(kept.ref()).stage()).isEqualTo(Stage.STEP);
            world.clock.advance(Duration.ofDays(1).plusMinutes(1));

            assertThatThrownBy(() -> runtime.state(kept.ref())).isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertThat(code(e)).isEqualTo("OZG-PORTAL-301"));
            assertThat(runtime.drafts(owner)).isEmpty();
            assertThat(runtime.purgeExpired()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void withoutTheTimeStampAuthorityNothingIsSubmittedAndTheRetrySucceeds(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database);
                ServerSocket closed = new ServerSocket(0)) {
            int deadPort = closed.getLocalPort();
            closed.close();
            PortalWorld.Node down = world.node(b -> b.timestamps(TimestampClient.builder()
                    .url("http://127.0.0.1:" + deadPort + "/tsa").trustAnchors(List.of(world.tsaCa.certificate()))
                    .build()));
            PortalWorld.Node up = world.node();
            DraftOwner owner = ServiceRuntime.anonymousOwner(KOELN);
            ApplicationState s = reviewed(down.runtime, owner);

            assertThatThrownBy(() -> down.runtime.submit(s.ref(), s.version()))
                    .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                        assertThat(e.code()).isEqualTo(PortalError.RUNTIME_TIMESTAMP_UNAVAILABLE);
                        assertThat(e.retryable()).isTrue();
                    });
            assertThat(down.runtime.receipt(s.ref())).isEmpty();
            assertThat(down.outbox.countByStatus().values().stream().mapToLong(Long::longValue).sum()).isZero();
            assertThat(down.runtime.state(s.ref()).stage()).isEqualTo(Stage.REVIEW);

            SubmissionReceipt receipt = up.runtime.submit(s.ref(), s.version());
            assertThat(down.runtime.submit(s.ref(), s.version())).isEqualTo(receipt);
            assertThat(up.outbox.countByStatus()).containsEntry(OutboxStatus.PENDING, 1L);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void simultaneousSubmitsOnTwoNodesEnqueueOneApplicationAndAgreeOnTheReceipt(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            PortalWorld.Node a = world.node();
            PortalWorld.Node b = world.node();
            ApplicationState s = reviewed(a.runtime, ServiceRuntime.anonymousOwner(KOELN));
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<SubmissionReceipt>> clicks = List.of(a, b, a, b).stream()
                        .<Callable<SubmissionReceipt>>map(node -> () -> {
                            go.await();
                            return node.runtime.submit(s.ref(), s.version());
                        }).toList();
                List<Future<SubmissionReceipt>> futures = clicks.stream().map(pool::submit).toList();
                go.countDown();
                SubmissionReceipt first = futures.get(0).get(60, TimeUnit.SECONDS);
                for (Future<SubmissionReceipt> f : futures) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(first);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(a.outbox.countByStatus()).containsEntry(OutboxStatus.PENDING, 1L);
            a.deliver();
            b.deliver();
            assertThat(world.intake.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFreeServiceIsSubmittedFromTheReviewWithoutPayment(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            ServiceRuntime runtime = world.node().runtime;
            ApplicationState s = reviewed(runtime, ServiceRuntime.anonymousOwner(KOELN));
            assertThat(runtime.review(s.ref()).fee().isZero()).isTrue();
            assertThatThrownBy(() -> runtime.startPayment(s.ref(), s.version(), PortalWorld.RETURN))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("OZG-PORTAL-303"));

            SubmissionReceipt receipt = runtime.submit(s.ref(), s.version());

            assertThat(receipt.fee()).isEmpty();
            assertThat(receipt.paymentReference()).isEmpty();
            assertThat(receipt.postboxMessageId()).isEmpty();
            assertThat(world.payments.count()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anUnpaidFeeRefusesSubmitAndAfterACancelledPaymentAnswersAndFeeMayChange(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            PortalWorld.Node node = world.node();
            ServiceRuntime runtime = node.runtime;
            Citizen erika = citizen("erika", TrustLevel.HIGH);
            DraftOwner owner = ServiceRuntime.citizenOwner(KOELN, erika);
            ApplicationState s = runtime.start(KOELN, PortalWorld.PERMIT, Locale.GERMAN, owner, Optional.of(erika));
            s = runtime.postStep(s.ref(), s.version(), 0, applicant("ERIKA", "MUSTERMANN", "12.08.1964"),
                    StepAction.NEXT).state();
            s = runtime.postStep(s.ref(), s.version(), 1, address("51147"), StepAction.NEXT).state();
            ApplicationState review = runtime.postStep(s.ref(), s.version(), 2, vehicle("K-AB 123"),
                    StepAction.NEXT).state();
            assertThatThrownBy(() -> runtime.submit(review.ref(), review.version()))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("OZG-PORTAL-306"));

            var redirect = runtime.startPayment(review.ref(), review.version(), PortalWorld.RETURN);
            PaymentOutcome cancelled = runtime.completePayment(review.ref(), Flows.pay(redirect.payPage(), "cancel"));
            assertThat(cancelled.result().isPaid()).isFalse();
            long version = runtime.state(review.ref()).version();
            assertThatThrownBy(() -> runtime.submit(review.ref(), version))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("OZG-PORTAL-306"));

            // after the cancelled payment the citizen adds a second vehicle: the fee follows
            Map<String, String[]> twoVehicles = new LinkedHashMap<>(vehicle("K-AB 123"));
            twoVehicles.put("G99100000003[1].F99100000007", new String[] {"K-CD 4"});
            twoVehicles.put("G99100000003[1].F99100000008", new String[] {"krad"});
            ApplicationState changed = runtime.postStep(review.ref(), version, 2, twoVehicles, StepAction.NEXT)
                    .state();
            assertThat(changed.stage()).isEqualTo(Stage.REVIEW);
            assertThat(runtime.review(review.ref()).fee()).isEqualTo(Money.parse("61.20"));

            var retry = runtime.startPayment(review.ref(), changed.version(), PortalWorld.RETURN);
            assertThat(runtime.completePayment(review.ref(), Flows.pay(retry.payPage(), "pay")).result().isPaid())
                    .isTrue();
            // paid: the answers are fixed now
            long paidVersion = runtime.state(review.ref()).version();
            assertThatThrownBy(() -> runtime.postStep(review.ref(), paidVersion, 2, vehicle("K-EF 5"),
                    StepAction.NEXT)).satisfies(e -> assertThat(code(e)).isEqualTo("OZG-PORTAL-303"));
            SubmissionReceipt receipt = runtime.submit(review.ref(), paidVersion);
            assertThat(receipt.paymentReference()).isPresent();
            assertThat(receipt.fee()).contains(Money.parse("61.20"));
            assertThat(world.payments.count()).isEqualTo(2);
            List<String> audited = AuditLog.create(node.db, world.clock).query(KOELN, Instant.now().minusSeconds(600),
                    world.clock.instant().plusSeconds(60)).stream()
                    .filter(e -> e.entry().subjectId().equals(review.ref().id().toString()))
                    .map(e -> e.entry().action() + " " + e.entry().outcome()).toList();
            assertThat(audited).containsExactly("application.start SUCCESS", "application.payment-start SUCCESS",
                    "application.payment-return FAILURE", "application.payment-start SUCCESS",
                    "application.payment-return SUCCESS", "application.submit SUCCESS");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void prefillFillsOnlyEmptyFieldsMarksThemAndRefusesALoginBelowTheTrustLevel(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            ServiceRuntime runtime = world.node().runtime;
            DraftOwner anonymous = ServiceRuntime.anonymousOwner(KOELN);
            ApplicationState s = runtime.start(KOELN, PortalWorld.PERMIT, Locale.GERMAN, anonymous,
                    Optional.empty());
            assertThatThrownBy(() -> runtime.step(s.ref(), 0))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("OZG-PORTAL-303"));
            assertThatThrownBy(() -> runtime.attachCitizen(s.ref(), citizen("lena", TrustLevel.LOW)))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(code(e)).isEqualTo("OZG-PORTAL-304"));

            ApplicationState bound = runtime.attachCitizen(s.ref(), citizen("erika", TrustLevel.SUBSTANTIAL));
            ApplicationState typed = runtime.postStep(bound.ref(), bound.version(), 0,
                    applicant("ERIKA", "MUSTERMANN", "01.01.1970"), StepAction.SAVE).state();
            // a second login (e.g. after the session ended) fills nothing that is there, and keeps the marks
            ApplicationState again = runtime.attachCitizen(typed.ref(), citizen("erika", TrustLevel.HIGH));

            assertThat(again.ref()).isEqualTo(bound.ref());
            assertThat(again.data().value(PortalWorld.BIRTH_DATE)).contains("01.01.1970");
            assertThat(again.isPrefilled(PortalWorld.GIVEN_NAME)).isTrue();
            assertThat(again.isPrefilled(DataPath.parse("G99100000002[0].F99100000004"))).isFalse();
            assertThat(again.readOnly()).doesNotContain(PortalWorld.BIRTH_DATE);
            assertThatThrownBy(() -> runtime.state(s.ref())).isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void stepsNotReachedYetAreRefusedAndTheAuditHoldsIdsOnly(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            PortalWorld.Node node = world.node();
            DraftOwner owner = ServiceRuntime.anonymousOwner(KOELN);
            ApplicationState s = node.runtime.start(KOELN, PortalWorld.FREE, Locale.GERMAN, owner, Optional.empty());
            assertThatThrownBy(() -> node.runtime.postStep(s.ref(), s.version(), 2, vehicle("K-AB 123"),
                    StepAction.NEXT)).satisfies(e -> assertThat(code(e)).isEqualTo("OZG-PORTAL-303"));
            assertThatThrownBy(() -> node.runtime.submit(s.ref(), s.version()))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("OZG-PORTAL-303"));

            ApplicationState review = reviewed(node.runtime, owner);
            node.runtime.submit(review.ref(), review.version());

            List<AuditEvent> events = AuditLog.create(node.db, world.clock).query(KOELN,
                    Instant.now().minusSeconds(600), world.clock.instant().plusSeconds(60));
            assertThat(events).extracting(e -> e.entry().action())
                    .contains("application.start", "application.submit");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.entry().subjectId()).matches("[0-9a-f-]{36}");
                assertThat(e.entry().actor()).isEqualTo(owner.userId());
            });
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aServiceWithBlockersIsRefusedAtBuild(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            assertThatThrownBy(() -> world.node(b -> b.serviceCheck(service -> service.trustLevel().isPresent()
                    ? List.of("needs a login at " + service.trustLevel().get() + ", the portal offers none")
                    : List.of())))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("OZG-PORTAL-307")
                    .hasMessageContaining("anwohnerparkausweis: needs a login at SUBSTANTIAL");
        }
    }

    @Test
    void theCompatibilityCheckOfAPortalProfileRefusesAServiceTheLegacyPortalCannotRun() throws Exception {
        try (PortalWorld world = new PortalWorld("h2")) {
            assertThatThrownBy(() -> world.node(b -> b.serviceCheck(ServiceCheck.of(PortalProfile.named("legacy")))))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("OZG-PORTAL-307")
                    .hasMessageContaining("OZG-PORTAL-213");
            assertThat(world.node(b -> b.serviceCheck(ServiceCheck.of(PortalProfile.named("central")))).runtime)
                    .isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDraftThatOutlivedItsSubmitShowsTheReceiptAndIsRemoved(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            PortalWorld.Node node = world.node();
            ApplicationState s = reviewed(node.runtime, ServiceRuntime.anonymousOwner(KOELN));
            String table = "draft_copy_" + UUID.randomUUID().toString().substring(0, 8);
            try (var connection = node.db.dataSource().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " AS SELECT * FROM ozg_draft WHERE id = '" + s.ref().id()
                        + "'");
            }
            SubmissionReceipt receipt = node.runtime.submit(s.ref(), s.version());
            // the deletion after the commit "failed": the draft is back
            try (var connection = node.db.dataSource().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("INSERT INTO ozg_draft SELECT * FROM " + table);
            }

            assertThat(node.runtime.state(s.ref()).submission()).contains(receipt);
            assertThatThrownBy(() -> node.runtime.postStep(s.ref(), s.version(), 0, Map.of(), StepAction.SAVE))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("OZG-PORTAL-303"));
            assertThat(node.runtime.drafts(s.ref().owner())).isEmpty();
            assertThat(node.runtime.submit(s.ref(), s.version())).isEqualTo(receipt);
        }
    }
}
