package de.ozgsdk.sandbox.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.payment.BookingLine;
import de.ozgsdk.payment.PaymentError;
import de.ozgsdk.payment.PaymentOrder;
import de.ozgsdk.payment.PaymentReconciliation;
import de.ozgsdk.payment.PaymentRecord;
import de.ozgsdk.payment.PaymentRedirect;
import de.ozgsdk.payment.PaymentResult;
import de.ozgsdk.payment.PaymentState;
import de.ozgsdk.payment.Payments;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteAuthentication;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteClient;
import de.ozgsdk.persistence.AuditEvent;
import de.ozgsdk.persistence.AuditLog;
import de.ozgsdk.persistence.TestClock;
import de.ozgsdk.sandbox.Fault;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The persisted payment state machine ({@link Payments}) and the reconciliation job with the real XBezahldienste
 * client against {@link XBezahldiensteMock}, on H2 and (when configured) PostgreSQL.
 */
class PaymentsTest {

    private static final String ORIGINATOR = "ozg-parken";
    private static final TenantId TENANT = TenantId.parse("051110000000");
    private static final URI RETURN = URI.create("https://service.example.de/parken/bezahlt");

    private final TestClock clock = TestClock.atDefaultStart();
    private final String applicationId = UUID.randomUUID().toString();

    static List<String> databases() {
        return PaymentDatabase.kinds();
    }

    /** One scenario: the mock, a database, the client and the payments on top. */
    private final class Scenario implements AutoCloseable {
        final XBezahldiensteMock mock;
        final PaymentDatabase db;
        final XBezahldiensteClient client;
        final Payments payments;

        Scenario(String database, int maxRetries) {
            mock = XBezahldiensteMock.builder().endPoint(ORIGINATOR, TENANT.value()).oauthClient("portal", "geheim")
                    .start();
            db = PaymentDatabase.open(database);
            client = XBezahldiensteClient.builder()
                    .baseUrl(mock.baseUrl())
                    .originatorId(ORIGINATOR)
                    .authentication(XBezahldiensteAuthentication.clientCredentials(mock.tokenEndpoint(), "portal",
                            "geheim"))
                    .http(HttpClientConfig.builder().maxRetries(maxRetries).sleeper(d -> { }).build())
                    .completion(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1))
                    .build();
            payments = Payments.create(db.database(), client, clock);
        }

        PaymentRecord record() {
            return payments.latest(TENANT, applicationId).orElseThrow();
        }

        List<String> auditedActions() {
            Instant from = Instant.EPOCH;
            return AuditLog.create(db.database(), clock).query(TENANT, from, clock.instant().plusSeconds(1)).stream()
                    .map(AuditEvent::entry).map(e -> e.action() + " " + e.subjectId() + " " + e.outcome()).toList();
        }

        @Override
        public void close() {
            mock.close();
            db.close();
        }
    }

    private PaymentOrder order(String fee) {
        return PaymentOrder.builder()
                .tenant(TENANT)
                .applicationId(applicationId)
                .purpose("Anwohnerparken 2026")
                .line(BookingLine.of("Anwohnerparkausweis", "1.1200.431000", Money.parse(fee)))
                .returnUrl(RETURN)
                .build();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void paidAttemptIsRecordedAndEveryTransitionAudited(String database) throws Exception {
        try (Scenario s = new Scenario(database, 2)) {
            PaymentRedirect redirect = s.payments.start(order("30.60"));
            assertThat(s.record().state()).isEqualTo(PaymentState.REDIRECTED);
            assertThat(s.record().payPage()).contains(redirect.payPage());

            URI returned = Browser.plain().press(redirect.payPage(), "pay", "GIROPAY");
            clock.advance(Duration.ofMinutes(1));
            PaymentResult result = s.payments.complete(TENANT, applicationId, Browser.parameters(returned));

            PaymentRecord record = s.record();
            assertThat(result.isPaid()).isTrue();
            assertThat(record.state()).isEqualTo(PaymentState.PAID);
            assertThat(record.amount()).isEqualTo(Money.parse("30.60"));
            assertThat(record.paymentMethod()).contains("GIROPAY");
            assertThat(record.transactionReference()).hasValueSatisfying(kz -> assertThat(kz).startsWith("KZ"));
            String id = record.requestId();
            assertThat(s.auditedActions()).containsExactly("payment.create " + id + " SUCCESS",
                    "payment.redirected " + id + " SUCCESS", "payment.paid " + id + " SUCCESS");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void startingAPaidApplicationAgainSendsTheBrowserBackWithoutASecondPayment(String database) throws Exception {
        try (Scenario s = new Scenario(database, 2)) {
            PaymentRedirect first = s.payments.start(order("30.60"));
            URI returned = Browser.plain().press(first.payPage(), "pay", "GIROPAY");
            s.payments.complete(TENANT, applicationId, Browser.parameters(returned));

            PaymentRedirect again = s.payments.start(order("30.60"));

            assertThat(again.payPage()).isEqualTo(RETURN);
            assertThat(again.reference()).isEqualTo(first.reference());
            assertThat(s.mock.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void retryAfterALostAnswerContinuesTheSamePayment(String database) {
        try (Scenario s = new Scenario(database, 0)) {
            s.mock.faults().add(Fault.systemError(XBezahldiensteMock.Error.CREATE_THEN_DROP)
                    .on("POST", "/paymenttransaction/**").once());
            assertThatThrownBy(() -> s.payments.start(order("30.60")))
                    .isInstanceOfSatisfying(RemoteSystemException.class, e -> assertThat(e.retryable()).isTrue());
            assertThat(s.record().state()).isEqualTo(PaymentState.CREATED);

            PaymentRedirect redirect = s.payments.start(order("30.60"));

            assertThat(s.mock.count()).isEqualTo(1);
            assertThat(s.record().state()).isEqualTo(PaymentState.REDIRECTED);
            assertThat(s.record().transactionId()).contains(redirect.reference().transactionId());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void cancelledAttemptIsFollowedByANewAttemptWithANewRequestId(String database) throws Exception {
        try (Scenario s = new Scenario(database, 2)) {
            PaymentRedirect first = s.payments.start(order("30.60"));
            URI returned = Browser.plain().press(first.payPage(), "cancel", "");
            assertThat(s.payments.complete(TENANT, applicationId, Browser.parameters(returned)).outcome())
                    .isEqualTo(PaymentResult.Outcome.CANCELLED);

            PaymentRedirect second = s.payments.start(order("30.60"));

            assertThat(second.reference().requestId()).endsWith("-2").isNotEqualTo(first.reference().requestId());
            assertThat(s.record().attempt()).isEqualTo(2);
            assertThat(s.mock.count()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void openAttemptRefusesAChangedOrder(String database) {
        try (Scenario s = new Scenario(database, 2)) {
            s.payments.start(order("30.60"));
            assertThatThrownBy(() -> s.payments.start(order("45.00")))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.code()).isEqualTo(PaymentError.ORDER_CHANGED));
            assertThat(s.mock.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void refusedPaymentIsRecordedAsFailed(String database) {
        try (Scenario s = new Scenario(database, 2)) {
            s.mock.faults().add(Fault.status(400, "application/problem+json",
                    "{\"errorCode\":\"VALIDATION_ERROR\",\"status\":400,\"functionalText\":\"x\"}")
                    .on("POST", "/paymenttransaction/**").once());
            assertThatThrownBy(() -> s.payments.start(order("30.60"))).isInstanceOf(RemoteSystemException.class);
            assertThat(s.record().state()).isEqualTo(PaymentState.FAILED);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void browserThatNeverComesBackIsSettledByTheReconciliation(String database) throws Exception {
        try (Scenario s = new Scenario(database, 2)) {
            PaymentRedirect redirect = s.payments.start(order("30.60"));
            Browser.plain().press(redirect.payPage(), "pay", "CREDITCARD"); // paid, then the browser closed
            PaymentReconciliation reconciliation = PaymentReconciliation.of(s.payments, Duration.ofMinutes(15),
                    Duration.ofHours(2));

            assertThat(reconciliation.reconcile()).isEqualTo(new PaymentReconciliation.Summary(0, 0, 0, 0));
            clock.advance(Duration.ofMinutes(16));
            PaymentReconciliation.Summary summary = reconciliation.reconcile();

            assertThat(summary).isEqualTo(new PaymentReconciliation.Summary(1, 0, 0, 0));
            assertThat(s.record().state()).isEqualTo(PaymentState.PAID);
            assertThat(s.record().paymentMethod()).contains("CREDITCARD");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void openPaymentExpiresButALatePaymentIsStillRecorded(String database) throws Exception {
        try (Scenario s = new Scenario(database, 2)) {
            PaymentRedirect redirect = s.payments.start(order("30.60"));
            PaymentReconciliation reconciliation = PaymentReconciliation.of(s.payments, Duration.ofMinutes(15),
                    Duration.ofHours(2));
            clock.advance(Duration.ofMinutes(16));
            assertThat(reconciliation.reconcile().stillOpen()).isEqualTo(1);
            clock.advance(Duration.ofHours(2));
            assertThat(reconciliation.reconcile().expired()).isEqualTo(1);
            assertThat(s.record().state()).isEqualTo(PaymentState.EXPIRED);

            URI returned = Browser.plain().press(redirect.payPage(), "pay", "PAYPAL");
            PaymentResult late = s.payments.complete(TENANT, applicationId, Browser.parameters(returned));

            assertThat(late.isPaid()).isTrue();
            assertThat(s.record().state()).isEqualTo(PaymentState.PAID);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void startingAgainAfterALatePaymentOfAnExpiredAttemptDoesNotPayTwice(String database) throws Exception {
        try (Scenario s = new Scenario(database, 2)) {
            PaymentRedirect redirect = s.payments.start(order("30.60"));
            clock.advance(Duration.ofHours(3));
            PaymentReconciliation.of(s.payments, Duration.ofMinutes(15), Duration.ofHours(2)).reconcile();
            assertThat(s.record().state()).isEqualTo(PaymentState.EXPIRED);
            Browser.plain().press(redirect.payPage(), "pay", "GIROPAY"); // the old tab was still open

            PaymentRedirect again = s.payments.start(order("30.60"));

            assertThat(again.payPage()).isEqualTo(RETURN);
            assertThat(s.record().state()).isEqualTo(PaymentState.PAID);
            assertThat(s.record().attempt()).isEqualTo(1);
            assertThat(s.mock.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void paymentThatNeverReachedThePayPageExpires(String database) {
        try (Scenario s = new Scenario(database, 0)) {
            s.mock.faults().add(Fault.status(503).on("POST", "/paymenttransaction/**").once());
            assertThatThrownBy(() -> s.payments.start(order("30.60"))).isInstanceOf(RemoteSystemException.class);
            clock.advance(Duration.ofHours(3));

            assertThat(PaymentReconciliation.of(s.payments, Duration.ofMinutes(15), Duration.ofHours(2)).reconcile()
                    .expired()).isEqualTo(1);
            assertThat(s.record().state()).isEqualTo(PaymentState.EXPIRED);
            assertThat(s.payments.start(order("30.60")).reference().requestId()).endsWith("-2");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void paymentExistsThatCannotBeReadStaysCreatedUntilItExpires(String database) {
        try (Scenario s = new Scenario(database, 2)) {
            s.mock.faults().add(Fault.status(409, "application/problem+json",
                    "{\"errorCode\":\"PAYMENT_EXISTS\",\"status\":409}").on("POST", "/paymenttransaction/**").once());
            assertThatThrownBy(() -> s.payments.start(order("30.60"))).isInstanceOf(RemoteSystemException.class);
            assertThat(s.record().state()).isEqualTo(PaymentState.CREATED);
            clock.advance(Duration.ofHours(3));

            PaymentReconciliation.of(s.payments, Duration.ofMinutes(15), Duration.ofHours(2)).reconcile();
            PaymentRedirect next = s.payments.start(order("30.60"));

            assertThat(next.reference().requestId()).endsWith("-2");
            assertThat(s.mock.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void returnParametersCannotSettleAPayment(String database) throws Exception {
        try (Scenario s = new Scenario(database, 2)) {
            s.payments.start(order("30.60"));
            PaymentResult result = s.payments.complete(TENANT, applicationId,
                    Map.of("status", new String[] {"PAYED"}));
            assertThat(result.outcome()).isEqualTo(PaymentResult.Outcome.PENDING);
            assertThat(s.record().state()).isEqualTo(PaymentState.REDIRECTED);
        }
    }
}
