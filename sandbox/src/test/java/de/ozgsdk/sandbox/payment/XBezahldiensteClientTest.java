package de.ozgsdk.sandbox.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.payment.BookingLine;
import de.ozgsdk.payment.PaymentError;
import de.ozgsdk.payment.PaymentOrder;
import de.ozgsdk.payment.PaymentRedirect;
import de.ozgsdk.payment.PaymentResult;
import de.ozgsdk.payment.PaymentReturn;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteAuthentication;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteClient;
import de.ozgsdk.persistence.TestClock;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.RecordedExchange;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The XBezahldienste client of ozg-payment against {@link XBezahldiensteMock} over real sockets: the pay page, every
 * fault mode of the mock, OAuth2 and mutual TLS. The browser is a plain HTTP client that does not follow redirects.
 */
class XBezahldiensteClientTest {

    private static final String ORIGINATOR = "ozg-parken";
    private static final TenantId TENANT = TenantId.parse("051110000000");
    private static final URI RETURN = URI.create("https://service.example.de/parken/bezahlt");

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final TestClock mockClock = TestClock.atDefaultStart();
    private XBezahldiensteMock mock;

    @AfterEach
    void stop() {
        if (mock != null) {
            mock.close();
        }
    }

    private XBezahldiensteMock oauthMock() {
        mock = XBezahldiensteMock.builder().endPoint(ORIGINATOR, TENANT.value()).oauthClient("portal", "geheim")
                .clock(mockClock).start();
        return mock;
    }

    private XBezahldiensteClient.Builder client(HttpClientConfig.Builder http) {
        return XBezahldiensteClient.builder()
                .baseUrl(mock.baseUrl())
                .originatorId(ORIGINATOR)
                .authentication(XBezahldiensteAuthentication.clientCredentials(mock.tokenEndpoint(), "portal",
                        "geheim"))
                .http(http.sleeper(waits::add).build())
                .completion(Duration.ofSeconds(4), Duration.ofMillis(500), Duration.ofSeconds(2));
    }

    private XBezahldiensteClient client() {
        return client(HttpClientConfig.builder()).build();
    }

    private static PaymentOrder order() {
        return PaymentOrder.builder()
                .tenant(TENANT)
                .applicationId(UUID.randomUUID().toString())
                .purpose("Anwohnerparken 2026")
                .line(BookingLine.of("Anwohnerparkausweis", "1.1200.431000", Money.parse("30.60"))
                        .withObjektnummer("4711"))
                .line(BookingLine.of("Zweitausweis", "1.1200.431000", Money.parse("0.10")).withQuantity(3))
                .returnUrl(RETURN)
                .build();
    }

    private static PaymentReturn returnOf(PaymentRedirect redirect, URI returned) {
        return PaymentReturn.of(redirect.reference(), Browser.parameters(returned));
    }

    @Test
    void paidOnThePayPageCompletesAsPaidWithMethodAndKassenzeichen() throws Exception {
        oauthMock();
        XBezahldiensteClient client = client();
        PaymentOrder order = order();

        PaymentRedirect redirect = client.start(order);
        URI returned = Browser.plain().press(redirect.payPage(), "pay", "CREDITCARD");
        PaymentResult result = client.complete(returnOf(redirect, returned));

        assertThat(returned).isEqualTo(RETURN);
        assertThat(result.outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        assertThat(result.paymentMethod()).contains("CREDITCARD");
        assertThat(result.transactionReference()).hasValueSatisfying(kz -> assertThat(kz).startsWith("KZ"));
        SandboxPayment held = mock.paymentFor(order.requestId()).orElseThrow();
        assertThat(held.grosAmount()).isEqualByComparingTo("30.90");
        assertThat(held.transactionId()).isEqualTo(redirect.reference().transactionId());
        assertThat(waits).isEmpty();
    }

    @Test
    void cancelledOnThePayPageCompletesAsCancelled() throws Exception {
        oauthMock();
        XBezahldiensteClient client = client();
        PaymentRedirect redirect = client.start(order());
        URI returned = Browser.plain().press(redirect.payPage(), "cancel", "");
        assertThat(client.complete(returnOf(redirect, returned)).outcome())
                .isEqualTo(PaymentResult.Outcome.CANCELLED);
    }

    @Test
    void failedOnThePayPageCompletesAsFailed() throws Exception {
        oauthMock();
        XBezahldiensteClient client = client();
        PaymentRedirect redirect = client.start(order());
        URI returned = Browser.plain().press(redirect.payPage(), "fail", "");
        assertThat(client.complete(returnOf(redirect, returned)).outcome()).isEqualTo(PaymentResult.Outcome.FAILED);
    }

    @Test
    void tamperedRedirectClaimingPaidIsNotTrustedAndStaysPending() throws Exception {
        oauthMock().faults().add(Fault.systemError(XBezahldiensteMock.Error.TAMPERED_REDIRECT)
                .on("POST", "/paypage/*").once());
        XBezahldiensteClient client = client();
        PaymentRedirect redirect = client.start(order());

        URI returned = Browser.plain().press(redirect.payPage(), "pay", "GIROPAY");
        PaymentResult result = client.complete(returnOf(redirect, returned));

        assertThat(returned.getQuery()).contains("status=PAYED");
        assertThat(result.outcome()).isEqualTo(PaymentResult.Outcome.PENDING);
        assertThat(result.isPaid()).isFalse();
        // polled until the deadline: 0.5 + 1 + 2 + 0.5 s (the rest of 4 s)
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMillis(500));
    }

    @Test
    void returnNamingAnotherTransactionIsRefusedAsTampered() throws Exception {
        oauthMock();
        XBezahldiensteClient client = client();
        PaymentRedirect redirect = client.start(order());
        Browser.plain().press(redirect.payPage(), "pay", "GIROPAY");

        PaymentReturn forged = PaymentReturn.of(redirect.reference(),
                Map.of("transactionId", new String[] {UUID.randomUUID().toString()}));

        assertThatThrownBy(() -> client.complete(forged))
                .isInstanceOf(SecurityCheckException.class)
                .satisfies(e -> assertThat(((SecurityCheckException) e).code())
                        .isEqualTo(PaymentError.RETURN_MISMATCH));
    }

    @Test
    void statusStuckAtInitialIsPolledWithBackoffUntilItSettles() throws Exception {
        oauthMock().faults().add(Fault.systemError(XBezahldiensteMock.Error.STUCK_AT_INITIAL)
                .on("GET", "/paymenttransaction/**").times(2));
        XBezahldiensteClient client = client();
        PaymentRedirect redirect = client.start(order());
        URI returned = Browser.plain().press(redirect.payPage(), "pay", "PAYPAL");

        PaymentResult result = client.complete(returnOf(redirect, returned));

        assertThat(result.outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void answerLostAfterCreationIsRetriedAndTheExistingPaymentIsRead() throws Exception {
        oauthMock().faults().add(Fault.systemError(XBezahldiensteMock.Error.CREATE_THEN_DROP)
                .on("POST", "/paymenttransaction/**").once());
        PaymentOrder order = order();

        PaymentRedirect redirect = client().start(order);

        assertThat(mock.count()).isEqualTo(1);
        assertThat(mock.records().of("POST", "/paymenttransaction/" + ORIGINATOR + "/" + TENANT.value()))
                .hasSize(2)
                .allSatisfy(exchange -> assertThat(exchange.headers()).containsEntry("idempotency-key",
                        order.requestId()));
        assertThat(redirect.reference().transactionId())
                .isEqualTo(mock.paymentFor(order.requestId()).orElseThrow().transactionId());
        assertThat(redirect.payPage()).isEqualTo(mock.payPage(redirect.reference().transactionId()));
    }

    @Test
    void paymentExistsIsReadAsTheExistingPayment() {
        oauthMock().faults().add(Fault.systemError(XBezahldiensteMock.Error.PAYMENT_EXISTS)
                .on("POST", "/paymenttransaction/**").once());
        PaymentRedirect redirect = client().start(order());
        assertThat(mock.count()).isEqualTo(1);
        assertThat(redirect.payPage()).isEqualTo(mock.payPage(redirect.reference().transactionId()));
    }

    @Test
    void startingTheSameOrderTwiceCreatesOnePayment() {
        oauthMock();
        XBezahldiensteClient client = client();
        PaymentOrder order = order();
        PaymentRedirect first = client.start(order);
        PaymentRedirect second = client.start(order);
        assertThat(second).isEqualTo(first);
        assertThat(mock.count()).isEqualTo(1);
    }

    @Test
    void startingAgainAfterThePaymentSendsTheBrowserStraightBack() throws Exception {
        oauthMock();
        XBezahldiensteClient client = client();
        PaymentOrder order = order();
        PaymentRedirect first = client.start(order);
        Browser.plain().press(first.payPage(), "pay", "GIROPAY");

        PaymentRedirect again = client.start(order);

        assertThat(again.payPage()).isEqualTo(RETURN);
        assertThat(client.status(again.reference()).isPaid()).isTrue();
        assertThat(mock.count()).isEqualTo(1);
    }

    @Test
    void unavailableServiceIsRetriedWithTheSameRequestId() {
        oauthMock().faults().add(Fault.status(503).on("POST", "/paymenttransaction/**").times(2));
        PaymentOrder order = order();
        client().start(order);
        assertThat(mock.count()).isEqualTo(1);
        assertThat(waits).hasSize(2);
    }

    @Test
    void internalErrorIsReportedAsRemoteFailureWithoutRetry() {
        oauthMock().faults().add(Fault.systemError(XBezahldiensteMock.Error.UNSPECIFIED)
                .on("POST", "/paymenttransaction/**").once());
        assertThatThrownBy(() -> client().start(order()))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(PaymentError.XBEZAHLDIENSTE_UNAVAILABLE);
                    assertThat(e.side()).isEqualTo(RemoteSystemException.Side.REMOTE);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(mock.count()).isZero();
    }

    @Test
    void slowAnswerPastTheReadTimeoutIsRetriedAndStillOnePayment() {
        oauthMock().faults().add(Fault.latency(Duration.ofMillis(1500)).on("POST", "/paymenttransaction/**").once());
        XBezahldiensteClient client = client(HttpClientConfig.builder().readTimeout(Duration.ofMillis(300))).build();
        PaymentOrder order = order();

        PaymentRedirect redirect = client.start(order);

        assertThat(redirect.reference().transactionId()).isNotEmpty();
        assertThat(mock.records().of("POST", "/paymenttransaction/" + ORIGINATOR + "/" + TENANT.value()))
                .hasSizeGreaterThanOrEqualTo(1);
        assertThat(mock.paymentFor(order.requestId())).isPresent();
        assertThat(mock.payments()).filteredOn(p -> p.requestId().equals(order.requestId())).hasSize(1);
    }

    @Test
    void hangingServiceTimesOutAndTheRetryCreatesOnePayment() {
        oauthMock().faults().add(Fault.hang().on("POST", "/paymenttransaction/**").once());
        XBezahldiensteClient client = client(HttpClientConfig.builder().readTimeout(Duration.ofMillis(300))).build();
        PaymentOrder order = order();

        PaymentRedirect redirect = client.start(order);

        assertThat(mock.records().of("POST", "/paymenttransaction/" + ORIGINATOR + "/" + TENANT.value()))
                .hasSize(2);
        assertThat(mock.count()).isEqualTo(1);
        assertThat(redirect.reference().transactionId())
                .isEqualTo(mock.paymentFor(order.requestId()).orElseThrow().transactionId());
    }

    @Test
    void droppedConnectionBeforeCreationIsRetried() {
        oauthMock().faults().add(Fault.drop().on("POST", "/paymenttransaction/**").once());
        PaymentOrder order = order();
        client().start(order);
        assertThat(mock.count()).isEqualTo(1);
        assertThat(waits).hasSize(1);
    }

    @Test
    void answerWithAnotherAmountIsNotAccepted() {
        oauthMock().faults().add(Fault.status(200, "application/json", "{\"paymentRequest\":{\"requestId\":\"x\","
                + "\"grosAmount\":3.09,\"currency\":\"EUR\"},\"paymentInformation\":{\"transactionId\":\"t-1\","
                + "\"status\":\"INITIAL\",\"transactionRedirectUrl\":\"https://pay.example.de/t-1\"}}")
                .on("POST", "/paymenttransaction/**").once());
        assertThatThrownBy(() -> client().start(order()))
                .isInstanceOfSatisfying(SecurityCheckException.class, e -> {
                    assertThat(e.code()).isEqualTo(PaymentError.XBEZAHLDIENSTE_MISMATCH);
                    assertThat(e.getMessage()).contains("grosAmount", "3.09 instead of 30.90");
                });
    }

    @Test
    void paymentExistsWithoutTheExistingTransactionIsReportedAsSuch() {
        oauthMock().faults().add(Fault.status(409, "application/problem+json",
                "{\"errorCode\":\"PAYMENT_EXISTS\",\"status\":409,\"functionalText\":\"vorhanden\"}")
                .on("POST", "/paymenttransaction/**").once());
        assertThatThrownBy(() -> client().start(order()))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(PaymentError.XBEZAHLDIENSTE_PAYMENT_EXISTS);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void unknownEndpointIsRefusedWithTheServiceCode() {
        oauthMock();
        XBezahldiensteClient client = client(HttpClientConfig.builder()).endPointId(tenant -> "999999999999").build();
        assertThatThrownBy(() -> client.start(order()))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(PaymentError.XBEZAHLDIENSTE_REFUSED);
                    assertThat(e.side()).isEqualTo(RemoteSystemException.Side.LOCAL);
                    assertThat(e.getMessage()).contains("NO_VALID_ORIGINATOR_OR_ENDPOINT");
                });
    }

    @Test
    void missingBookingDataIsRefusedWithTheServiceCode() {
        mock = XBezahldiensteMock.builder().oauthClient("portal", "geheim")
                .requiredBookingData("Haushaltsstelle", "Objektnummer").start();
        assertThatThrownBy(() -> client().start(order()))
                .isInstanceOf(RemoteSystemException.class)
                .hasMessageContaining("BOOKING_DATA_MISSING");
    }

    @Test
    void wrongClientSecretFailsAtTheTokenEndpoint() {
        oauthMock();
        XBezahldiensteClient client = client(HttpClientConfig.builder())
                .authentication(XBezahldiensteAuthentication.clientCredentials(mock.tokenEndpoint(), "portal",
                        "falsch"))
                .build();
        assertThatThrownBy(() -> client.start(order()))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(PaymentError.XBEZAHLDIENSTE_TOKEN_FAILED);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(mock.count()).isZero();
    }

    @Test
    void accessTokenIsCachedAndRenewedWhenTheServiceNoLongerAcceptsIt() {
        oauthMock();
        XBezahldiensteClient client = client();
        client.start(order());
        client.start(order());
        assertThat(mock.records().of("POST", XBezahldiensteMock.TOKEN_PATH)).hasSize(1);

        mockClock.advance(Duration.ofMinutes(6)); // the mock's tokens expire; the client's clock does not know
        client.start(order());

        assertThat(mock.records().of("POST", XBezahldiensteMock.TOKEN_PATH)).hasSize(2);
        assertThat(mock.count()).isEqualTo(3);
        assertThat(mock.records().all()).extracting(RecordedExchange::headers)
                .allSatisfy(headers -> assertThat(headers.getOrDefault("authorization", "***")).isEqualTo("***"));
    }

    @Test
    void mutualTlsClientPaysWithItsCertificate() throws Exception {
        mock = XBezahldiensteMock.builder().mutualTls().start();
        var certificate = mock.pki().issueClient("ozg-portal");
        XBezahldiensteClient client = XBezahldiensteClient.builder()
                .baseUrl(mock.baseUrl())
                .originatorId(ORIGINATOR)
                .authentication(XBezahldiensteAuthentication.mutualTls(certificate))
                .http(HttpClientConfig.builder().trustedCertificates(mock.serverTrust()).sleeper(waits::add).build())
                .build();

        PaymentRedirect redirect = client.start(order());
        URI returned = Browser.tls(mock.serverTrust(), mock.pki().issueClient("browser"))
                .press(redirect.payPage(), "pay", "GIROPAY");

        assertThat(client.complete(returnOf(redirect, returned)).isPaid()).isTrue();
    }

    @Test
    void clientWithoutCertificateIsRejectedInTheHandshakeOfAMutualTlsService() {
        mock = XBezahldiensteMock.builder().mutualTls().start();
        XBezahldiensteClient client = XBezahldiensteClient.builder()
                .baseUrl(mock.baseUrl())
                .originatorId(ORIGINATOR)
                .authentication(XBezahldiensteAuthentication.mutualTls(mock.pki().issueClient("ozg-portal")))
                .http(HttpClientConfig.builder().sleeper(waits::add).build()) // trusts the JDK store: wrong server
                .build();
        assertThatThrownBy(() -> client.start(order()))
                .isInstanceOfSatisfying(RemoteSystemException.class,
                        e -> assertThat(e.code()).isEqualTo(PaymentError.XBEZAHLDIENSTE_UNAVAILABLE));
        assertThat(mock.count()).isZero();
    }

    @Test
    void configurationCheckAcceptsAKnownTenantAndNamesTheProblemOfAnUnknownOne() {
        oauthMock();
        XBezahldiensteClient client = client();
        client.checkConfiguration(TENANT);
        assertThatThrownBy(() -> client.checkConfiguration(TenantId.parse("051130000000")))
                .isInstanceOf(RemoteSystemException.class)
                .hasMessageContaining("NO_VALID_ORIGINATOR_OR_ENDPOINT");
    }

    @Test
    void builderRefusesAnOriginatorIdTheUrlCannotCarry() {
        assertThatThrownBy(() -> XBezahldiensteClient.builder().originatorId("ozg/parken"))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID));
    }
}
