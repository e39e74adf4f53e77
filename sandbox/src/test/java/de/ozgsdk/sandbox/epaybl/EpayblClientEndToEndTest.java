package de.ozgsdk.sandbox.epaybl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.payment.BookingLine;
import de.ozgsdk.payment.PaymentOrder;
import de.ozgsdk.payment.PaymentRedirect;
import de.ozgsdk.payment.PaymentReference;
import de.ozgsdk.payment.PaymentResult;
import de.ozgsdk.payment.PaymentReturn;
import de.ozgsdk.payment.epaybl.EpayblClient;
import de.ozgsdk.payment.epaybl.EpayblMandant;
import de.ozgsdk.payment.epaybl.EpayblPaypage;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.RecordedExchange;
import de.ozgsdk.sandbox.SandboxPki;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The classic ePayBL client of ozg-payment against the ePayBL mock over mutual TLS: the whole flow, the Paypage with
 * its backlinks, the slow INAKTIV transition, every istOk=false and transport fault, and retries that never create a
 * second Kassenzeichen.
 */
class EpayblClientEndToEndTest {

    private static final TenantId TENANT = TenantId.parse("051110000000");
    private static final byte[] BACKLINK_KEY = "a-backlink-key-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final String SERVICE_OPERATION = "anlegenKassenzeichenMitZahlverfahrenlisteMitBLP";
    private static final SandboxPki PKI = SandboxPki.generate();

    private final EpayblMock epaybl = EpayblMock.builder().https(PKI).requireClientCertificate()
            .mandant("1610000000", "42").start();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final EpayblClient client = client(config -> config);

    @AfterEach
    void stop() {
        epaybl.close();
    }

    @Test
    void runsTheWholeFlowAndReadsPaidFromLesenKassenzeichenInfo() throws IOException {
        PaymentRedirect redirect = client.start(order("antrag-1"));

        String kassenzeichen = redirect.reference().transactionId();
        assertThat(redirect.payPage().getPath()).isEqualTo(EpayblMock.PAYPAGE_PATH);
        assertThat(query(redirect.payPage())).containsEntry("mandant", "1610000000")
                .containsEntry("kassenzeichen", kassenzeichen).containsKeys("EShopKundenNr", "backlinkSuccess",
                        "backlinkAbort");
        URI backlink = browserPays(redirect.payPage(), "KREDITKARTE");
        PaymentResult result = client.complete(returnOf(redirect.reference(), backlink));

        assertThat(result.outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        assertThat(result.transactionReference()).contains(kassenzeichen);
        assertThat(result.paymentMethod()).contains("KREDITKARTE");
        assertThat(epaybl.kassenzeichen()).singleElement().satisfies(held -> {
            assertThat(held.kassenzeichen()).isEqualTo(kassenzeichen).hasSize(12);
            assertThat(held.betrag()).isEqualByComparingTo("61.20");
            assertThat(held.buchungstexte()).containsExactly("Parkausweis");
            assertThat(held.bezahlt()).isTrue();
        });
        assertThat(epaybl.customers()).as("loeschenKunde removed the pseudo customer").isEmpty();
        assertThat(operations()).startsWith("isAlive", "lesenTransaktion", "anlegenKunde", SERVICE_OPERATION,
                "loeschenKunde");
    }

    @Test
    void pollsThroughASlowInaktivTransitionWithGrowingPauses() throws IOException {
        PaymentRedirect redirect = client.start(order("antrag-2"));
        epaybl.slowInaktiv(3);
        URI backlink = browserPays(redirect.payPage(), "GIROPAY");

        PaymentResult result = client.complete(returnOf(redirect.reference(), backlink));

        assertThat(result.outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void answersPendingWhenInaktivDoesNotComeBeforeTheDeadline() throws IOException {
        PaymentRedirect redirect = client.start(order("antrag-3"));
        epaybl.slowInaktiv(100);
        URI backlink = browserPays(redirect.payPage(), "GIROPAY");

        PaymentResult result = client.complete(returnOf(redirect.reference(), backlink));

        assertThat(result.outcome()).isEqualTo(PaymentResult.Outcome.PENDING);
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void settlesAPaymentWhoseBrowserNeverCameBackByStatusQuery() throws IOException {
        PaymentRedirect redirect = client.start(order("antrag-4"));
        browserPays(redirect.payPage(), "PAYPAL"); // the backlink is never followed

        PaymentResult reconciled = client.status(redirect.reference());

        assertThat(reconciled.outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        assertThat(client.complete(PaymentReturn.of(redirect.reference())).isPaid()).isTrue();
    }

    @Test
    void answersCancelledForTheSignedAbortBacklinkOfAnOpenPayment() throws IOException {
        PaymentRedirect redirect = client.start(order("antrag-5"));

        URI backlink = browserCancels(redirect.payPage());
        PaymentResult result = client.complete(returnOf(redirect.reference(), backlink));

        assertThat(result.outcome()).isEqualTo(PaymentResult.Outcome.CANCELLED);
        assertThat(waits).as("no polling after a verified abort").isEmpty();
    }

    @Test
    void refusesABacklinkThePaypageTamperedWith() throws IOException {
        PaymentRedirect redirect = client.start(order("antrag-6"));
        epaybl.faults().add(Fault.systemError(EpayblMock.Error.BACKLINK_TAMPERED).on("POST", "/paypage/pay").once());
        URI backlink = browserPays(redirect.payPage(), "GIROPAY");

        assertCode(() -> client.complete(returnOf(redirect.reference(), backlink)), SecurityCheckException.class,
                "OZG-PAYMENT-207");
    }

    @Test
    void refusesAnAbortBacklinkTurnedIntoASuccess() throws IOException {
        PaymentRedirect redirect = client.start(order("antrag-7"));
        URI abort = browserCancels(redirect.payPage());
        URI forged = URI.create(abort.toString().replace("result=abort", "result=success"));

        assertCode(() -> client.complete(returnOf(redirect.reference(), forged)), SecurityCheckException.class,
                "OZG-PAYMENT-207");
    }

    @Test
    void refusesTheOpenKassenzeichenOfAnotherPaymentByItsCustomerNumber() {
        PaymentRedirect mine = client.start(order("antrag-8a"));
        PaymentRedirect other = client.start(order("antrag-9a"));
        PaymentReference swapped = new PaymentReference(TENANT, mine.reference().requestId(),
                other.reference().transactionId());

        assertThatThrownBy(() -> client.status(swapped)).isInstanceOfSatisfying(SecurityCheckException.class, e -> {
            assertThat(e.code().code()).isEqualTo("OZG-PAYMENT-206");
            assertThat(e.getMessage()).contains("EShopKundenNr");
        });
    }

    @Test
    void refusesThePaidKassenzeichenOfAnotherPayment() throws IOException {
        PaymentRedirect mine = client.start(order("antrag-8"));
        PaymentRedirect cheaper = client.start(order("antrag-9"));
        browserPays(cheaper.payPage(), "GIROPAY");
        PaymentReference swapped = new PaymentReference(TENANT, mine.reference().requestId(),
                cheaper.reference().transactionId());

        assertCode(() -> client.status(swapped), SecurityCheckException.class, "OZG-PAYMENT-206");
    }

    @Test
    void retryAfterALostAnswerFindsTheKassenzeichenInsteadOfCreatingASecond() {
        epaybl.faultOn(SERVICE_OPERATION, Fault.systemError(EpayblMock.Error.ANSWER_LOST).once());
        PaymentOrder order = order("antrag-10");

        assertThatThrownBy(() -> client.start(order)).isInstanceOfSatisfying(RemoteSystemException.class,
                e -> assertThat(e.retryable()).isTrue());
        PaymentRedirect retried = client.start(order);

        assertThat(epaybl.kassenzeichen()).singleElement()
                .satisfies(held -> assertThat(held.kassenzeichen()).isEqualTo(retried.reference().transactionId()));
        assertThat(query(retried.payPage())).containsEntry("EShopKundenNr",
                epaybl.kassenzeichen().get(0).eShopKundenNr());
        assertThat(epaybl.customers()).isEmpty();
    }

    @Test
    void repeatedStartOfTheSameOrderKeepsOneKassenzeichen() {
        PaymentRedirect first = client.start(order("antrag-11"));
        PaymentRedirect second = client.start(order("antrag-11"));

        assertThat(second.reference()).isEqualTo(first.reference());
        assertThat(epaybl.kassenzeichen()).hasSize(1);
    }

    @Test
    void startAfterThePaymentWasPaidSendsTheBrowserBackToThePortal() throws IOException {
        PaymentOrder order = order("antrag-12");
        PaymentRedirect first = client.start(order);
        browserPays(first.payPage(), "GIROPAY");

        PaymentRedirect again = client.start(order);

        assertThat(again.payPage()).isEqualTo(order.returnUrl());
        assertThat(epaybl.kassenzeichen()).hasSize(1);
    }

    @Test
    void retryAfterA503CreatesExactlyOneKassenzeichen() {
        epaybl.faultOn(SERVICE_OPERATION, Fault.status(503).once());

        assertCode(() -> client.start(order("antrag-13")), RemoteSystemException.class, "OZG-PAYMENT-202");
        client.start(order("antrag-13"));

        assertThat(epaybl.kassenzeichen()).hasSize(1);
    }

    @Test
    void mapsIstOkFalseOfAnlegenKundeToARefusalWithCodeAndTexts() {
        epaybl.refuseNext("anlegenKunde", EpayblMock.Code.BEWIRTSCHAFTER_UNBEKANNT);

        assertThatThrownBy(() -> client.start(order("antrag-14"))).isInstanceOfSatisfying(
                RemoteSystemException.class, e -> {
                    assertThat(e.code().code()).isEqualTo("OZG-PAYMENT-203");
                    assertThat(e.getMessage()).contains("anlegenKunde", "-110", "Bewirtschafter unbekannt");
                    assertThat(e.userMessage(Locale.GERMAN)).contains("istOk=false", "-110");
                });
    }

    @Test
    void deletesThePseudoCustomerAlsoWhenTheKassenzeichenIsRefused() {
        epaybl.refuseNext(SERVICE_OPERATION, EpayblMock.Code.BETRAG_FALSCH);

        assertCode(() -> client.start(order("antrag-15")), RemoteSystemException.class, "OZG-PAYMENT-203");
        assertThat(epaybl.customers()).isEmpty();
        assertThat(epaybl.kassenzeichen()).isEmpty();
    }

    @Test
    void mapsAnUnknownKassenzeichenInTheStatusQueryToARefusal() {
        PaymentReference unknown = new PaymentReference(TENANT, PaymentOrder.requestIdOf(TENANT, "x", 1),
                "999999999999");

        assertCode(() -> client.status(unknown), RemoteSystemException.class, "OZG-PAYMENT-203");
    }

    @Test
    void reportsAnUnknownMandantAtTheConfigurationCheck() {
        EpayblClient wrong = client(config -> config, new EpayblMandant("9999999999", "42", "01"));

        assertThatThrownBy(() -> wrong.checkConfiguration(TENANT)).isInstanceOfSatisfying(
                RemoteSystemException.class, e -> assertThat(e.getMessage()).contains("-100", "Mandant unbekannt"));
        client.checkConfiguration(TENANT);
    }

    @Test
    void treatsAMaintenanceWindowAsUnavailable() {
        epaybl.faults().add(Fault.systemError(EpayblMock.Error.WARTUNG).once());

        assertCode(() -> client.start(order("antrag-16")), RemoteSystemException.class, "OZG-PAYMENT-202");
        assertThat(epaybl.kassenzeichen()).isEmpty();
    }

    @Test
    void mapsASoapFaultToItsOwnError() {
        epaybl.faultOn("anlegenKunde", Fault.systemError(EpayblMock.Error.SOAP_FAULT).once());

        assertThatThrownBy(() -> client.start(order("antrag-17"))).isInstanceOfSatisfying(
                RemoteSystemException.class, e -> {
                    assertThat(e.code().code()).isEqualTo("OZG-PAYMENT-204");
                    assertThat(e.getMessage()).contains("soapenv:Server");
                });
    }

    @Test
    void mapsAnHtmlPageToAnUnreadableAnswer() {
        epaybl.faultOn("isAlive", Fault.systemError(EpayblMock.Error.NOT_SOAP).once());

        assertCode(() -> client.start(order("antrag-18")), RemoteSystemException.class, "OZG-PAYMENT-205");
    }

    @Test
    void treatsADroppedConnectionAsUnavailable() {
        epaybl.faults().add(Fault.drop().once());

        assertCode(() -> client.start(order("antrag-19")), RemoteSystemException.class, "OZG-PAYMENT-202");
    }

    @Test
    void treatsAHangingServiceAsUnavailableAfterTheTimeout() {
        EpayblClient impatient = client(config -> config.callTimeout(Duration.ofSeconds(1)));
        epaybl.faultOn("lesenTransaktion", Fault.hang().once());

        assertCode(() -> impatient.start(order("antrag-20")), RemoteSystemException.class, "OZG-PAYMENT-202");
        assertThat(impatient.start(order("antrag-20")).reference().transactionId()).hasSize(12);
        assertThat(epaybl.kassenzeichen()).hasSize(1);
    }

    @Test
    void toleratesLatencyBelowTheTimeout() {
        epaybl.faults().add(Fault.latency(Duration.ofMillis(300)).times(2));

        assertThat(client.start(order("antrag-21")).reference().transactionId()).hasSize(12);
    }

    @Test
    void isRefusedInTheHandshakeWithACertificateOfAnotherPki() {
        EpayblClient stranger = EpayblClient.builder()
                .serviceUrl(epaybl.serviceUrl())
                .paypage(EpayblPaypage.of(epaybl.paypageUrl(), BACKLINK_KEY))
                .mandant(new EpayblMandant("1610000000", "42", "01"))
                .clientCertificate(SandboxPki.generate().issueClient("stranger"))
                .http(HttpClientConfig.builder().trustedCertificates(epaybl.serverTrust()).build())
                .build();

        assertCode(() -> stranger.checkConfiguration(TENANT), RemoteSystemException.class, "OZG-PAYMENT-202");
    }

    @Test
    void refusesABuchungstextThatDoesNotFitTheVerwendungszweckBeforeSending() {
        PaymentOrder order = order("antrag-22").toBuilder()
                .lines(List.of(BookingLine.of("Parkausweis Zone B", "1.1200.431000", Money.parse("30.60"))))
                .build();

        assertCode(() -> client.start(order), InvalidInputException.class, "OZG-PAYMENT-208");
        assertThat(epaybl.records().all()).isEmpty();
    }

    @Test
    void mockRefusesAVerwendungszweckOverTwentySevenCharacters() {
        try (EpayblMock longer = EpayblMock.builder().https(PKI).requireClientCertificate().kassenzeichenLength(20)
                .start()) {
            EpayblClient trusting = EpayblClient.builder()
                    .serviceUrl(longer.serviceUrl())
                    .paypage(EpayblPaypage.of(longer.paypageUrl(), BACKLINK_KEY))
                    .mandant(new EpayblMandant("1610000000", "42", "01"))
                    .clientCertificate(PKI.issueClient("ozg-portal"))
                    .http(HttpClientConfig.builder().trustedCertificates(longer.serverTrust()).build())
                    .build();

            assertThatThrownBy(() -> trusting.start(order("antrag-23"))).isInstanceOfSatisfying(
                    RemoteSystemException.class, e -> assertThat(e.getMessage()).contains("-330"));
        }
    }

    @Test
    void refusesAFaultScopedToAnOperationTheMockDoesNotServe() {
        assertCode(() -> epaybl.faultOn("abbuchen", Fault.drop()), InvalidInputException.class, "OZG-SANDBOX-161");
        assertCode(() -> EpayblMock.builder().mandant("16 10", "42"), ConfigurationException.class,
                "OZG-SANDBOX-160");
    }

    @Test
    void recordsOperationsButNoBodies() {
        client.start(order("antrag-24"));

        assertThat(epaybl.records().all()).allSatisfy(exchange -> assertThat(exchange.body())
                .startsWith("operation ").doesNotContain("Anwohnerparken").contains("sha-256"));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private EpayblClient client(UnaryOperator<HttpClientConfig.Builder> http) {
        return client(http, new EpayblMandant("1610000000", "42", "01"));
    }

    private EpayblClient client(UnaryOperator<HttpClientConfig.Builder> http, EpayblMandant mandant) {
        return EpayblClient.builder()
                .serviceUrl(epaybl.serviceUrl())
                .paypage(EpayblPaypage.of(epaybl.paypageUrl(), BACKLINK_KEY))
                .mandant(mandant)
                .clientCertificate(PKI.issueClient("ozg-portal"))
                .http(http.apply(HttpClientConfig.builder()
                        .trustedCertificates(epaybl.serverTrust())
                        .sleeper(waits::add)).build())
                .build();
    }

    private static PaymentOrder order(String applicationId) {
        return PaymentOrder.builder()
                .tenant(TENANT)
                .applicationId(applicationId)
                .purpose("Anwohnerparken 2026")
                .line(BookingLine.of("Parkausweis", "1.1200.431000", Money.parse("30.60")).withQuantity(2))
                .returnUrl(URI.create("https://service.example.de/parken/bezahlt?schritt=7"))
                .build();
    }

    /** The citizen's browser: opens the Paypage, pays, and is sent (303) to the success backlink. */
    private URI browserPays(URI payPage, String zahlverfahren) throws IOException {
        return browserPosts(payPage, "/paypage/pay", zahlverfahren);
    }

    private URI browserCancels(URI payPage) throws IOException {
        return browserPosts(payPage, "/paypage/abort", "");
    }

    private URI browserPosts(URI payPage, String action, String zahlverfahren) throws IOException {
        OkHttpClient browser = browser();
        try (Response page = browser.newCall(new Request.Builder().url(payPage.toString()).build()).execute()) {
            assertThat(page.code()).isEqualTo(200);
            assertThat(page.body().string()).contains("Bezahlen", "Abbrechen");
        }
        FormBody form = new FormBody.Builder().add("kassenzeichen", query(payPage).get("kassenzeichen"))
                .add("zahlverfahren", zahlverfahren).build();
        try (Response sent = browser.newCall(new Request.Builder().url(epaybl.uri(action).toString()).post(form)
                .build()).execute()) {
            assertThat(sent.code()).isEqualTo(303);
            return URI.create(sent.header("Location"));
        }
    }

    /** The Paypage shares the mock's mutual-TLS port: the test browser presents a certificate too. */
    private OkHttpClient browser() {
        return de.ozgsdk.http.OzgHttpClients.create(HttpClientConfig.builder()
                        .clientCredential(PKI.issueClient("browser"))
                        .trustedCertificates(epaybl.serverTrust())
                        .build()).newBuilder().followRedirects(false).build();
    }

    private static PaymentReturn returnOf(PaymentReference reference, URI backlink) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        HttpUrl url = HttpUrl.get(backlink.toString());
        for (String name : url.queryParameterNames()) {
            parameters.put(name, url.queryParameterValues(name));
        }
        return new PaymentReturn(reference, parameters);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private List<String> operations() {
        List<String> operations = new ArrayList<>();
        for (RecordedExchange exchange : epaybl.records().of("POST", EpayblMock.SERVICE_PATH)) {
            operations.add(exchange.body().substring("operation ".length(), exchange.body().indexOf(',')));
        }
        return operations;
    }

    private static void assertCode(ThrowingCallable call, Class<? extends OzgException> type, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(type, e -> assertThat(e.code().code()).isEqualTo(code));
    }
}
