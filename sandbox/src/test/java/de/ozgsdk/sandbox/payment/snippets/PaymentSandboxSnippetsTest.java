package de.ozgsdk.sandbox.payment.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.payment.BookingLine;
import de.ozgsdk.payment.PaymentOrder;
import de.ozgsdk.payment.PaymentReconciliation;
import de.ozgsdk.payment.PaymentRedirect;
import de.ozgsdk.payment.PaymentResult;
import de.ozgsdk.payment.PaymentState;
import de.ozgsdk.payment.Payments;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteAuthentication;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteClient;
import de.ozgsdk.payment.xbezahldienste.XBezahldienstePreset;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.sandbox.payment.XBezahldiensteMock;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code samples of the payment Javadoc, PAYMENT.md and the payment part of SANDBOX.md, run against
 * {@link XBezahldiensteMock}: each region is copied verbatim into the docs (checked by DocSnippetsTest in the examples
 * module), and the assertions after it prove what the sample claims.
 */
class PaymentSandboxSnippetsTest {

    /** Stands in for the servlet request of the return page. */
    private record ReturnRequest(Map<String, String[]> getParameterMap) {
    }

    private final List<String> submitted = new ArrayList<>();
    private final String clientId = "portal";
    private final String clientSecret = "geheim";
    private XBezahldiensteMock mock;
    private URI baseUrl;
    private URI tokenEndpoint;
    private PaymentOrder order;

    @TempDir
    Path configDir;

    @BeforeEach
    void start() {
        mock = XBezahldiensteMock.builder().oauthClient(clientId, clientSecret).start();
        baseUrl = mock.baseUrl();
        tokenEndpoint = mock.tokenEndpoint();
        order = PaymentOrder.builder()
                .tenant(TenantId.parse("051110000000"))
                .applicationId(UUID.randomUUID().toString())
                .purpose("Anwohnerparken 2026")
                .line(BookingLine.of("Anwohnerparkausweis", "1.1200.431000", Money.parse("30.60")))
                .returnUrl(URI.create("https://service.example.de/parken/bezahlt"))
                .build();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private XBezahldiensteClient client() {
        // @start region="xbd-client"
        XBezahldiensteClient xbezahldienste = XBezahldiensteClient.builder()
                .baseUrl(baseUrl)                     // e.g. XBezahldienstePreset.EPAYBL_KONNEKTOR.baseUrl(host)
                .originatorId("ozg-parken")           // the online service (GiroCheckout: the merchant id)
                .endPointId(tenant -> tenant.value()) // the authority, e.g. the AGS (GiroCheckout: the project id)
                .authentication(XBezahldiensteAuthentication.clientCredentials(tokenEndpoint, clientId, clientSecret))
                .build();
        PaymentRedirect redirect = xbezahldienste.start(order); // 303 to redirect.payPage(); keep redirect.reference()
        // @end
        assertThat(redirect.payPage()).isEqualTo(mock.payPage(redirect.reference().transactionId()));
        return xbezahldienste;
    }

    @Test
    void clientStartsAPaymentAtTheMock() {
        client();
        assertThat(mock.count()).isEqualTo(1);
    }

    @Test
    void authenticationByCertificateOrClientCredentials() throws Exception {
        char[] p12Password = "changeit".toCharArray();
        try (OutputStream out = Files.newOutputStream(configDir.resolve("konnektor-client.p12"))) {
            SandboxPki.generate().issueClient("ozg-portal").toKeyStore("client", p12Password).store(out, p12Password);
        }
        // @start region="xbd-authentication"
        XBezahldiensteAuthentication konnektor = XBezahldiensteAuthentication.mutualTls(
                PrivateKeyCredential.fromPkcs12(configDir.resolve("konnektor-client.p12"), p12Password));
        XBezahldiensteAuthentication giroCheckout = XBezahldiensteAuthentication.clientCredentials(
                XBezahldienstePreset.GIROCHECKOUT.tokenEndpoint("").orElseThrow(), clientId, clientSecret)
                .withScope("post");
        // @end
        assertThat(konnektor.isMutualTls()).isTrue();
        assertThat(giroCheckout.toString()).contains("payment.girosolution.de", "scope post").doesNotContain("geheim");
    }

    @Test
    void presetGivesTheBaseUrlOnTheOperatorsHost() {
        // @start region="xbd-preset"
        URI base = XBezahldienstePreset.EPAYBL_KONNEKTOR.baseUrl("konnektor.epaybl.example.de");
        // @end
        assertThat(base).hasToString("https://konnektor.epaybl.example.de/");
    }

    @Test
    void paymentsRecordTheAttemptAndCompleteByStatusQuery() throws Exception {
        XBezahldiensteClient xbezahldienste = XBezahldiensteClient.builder().baseUrl(baseUrl).originatorId("ozg-parken")
                .authentication(XBezahldiensteAuthentication.clientCredentials(tokenEndpoint, clientId, clientSecret))
                .build();
        try (Database db = Database.h2InMemory("snippets_" + UUID.randomUUID().toString().replace("-", ""))) {
            // @start region="payments-start"
            Payments payments = Payments.create(db, xbezahldienste, Clock.systemUTC());
            PaymentRedirect redirect = payments.start(order); // 303 to redirect.payPage()
            // @end
            HttpClient browser = HttpClient.newHttpClient();
            browser.send(HttpRequest.newBuilder(redirect.payPage()).POST(HttpRequest.BodyPublishers.ofString(
                    "action=pay&method=GIROPAY")).header("Content-Type", "application/x-www-form-urlencoded").build(),
                    HttpResponse.BodyHandlers.discarding());
            ReturnRequest request = new ReturnRequest(Map.of());
            // @start region="payments-complete"
            // the outcome comes from the payment service; the parameters are only checked for tampering
            PaymentResult result = payments.complete(order.tenant(), order.applicationId(), request.getParameterMap());
            if (result.isPaid()) {
                submitted.add(order.applicationId()); // now the application may go to the Fachverfahren
            }
            // @end
            assertThat(submitted).containsExactly(order.applicationId());

            // @start region="reconciliation"
            PaymentReconciliation reconciliation = PaymentReconciliation.of(payments, Duration.ofMinutes(15),
                    Duration.ofHours(2));
            reconciliation.start(Duration.ofMinutes(5)); // close() at shutdown
            // @end
            reconciliation.close();
            assertThat(payments.latest(order.tenant(), order.applicationId()).orElseThrow().state())
                    .isEqualTo(PaymentState.PAID);
        }
    }

    @Test
    void mockWithEndpointOauthClientAndAFault() {
        // @start region="xbd-mock"
        XBezahldiensteMock xbd = XBezahldiensteMock.builder()
                .endPoint("ozg-parken", "051110000000") // the known originatorId and endPointIds
                .oauthClient("portal", "geheim")         // POST /oauth/token, client credentials
                .start();
        xbd.faults().add(Fault.systemError(XBezahldiensteMock.Error.CREATE_THEN_DROP)
                .on("POST", "/paymenttransaction/**").once()); // the answer to the first POST is lost
        // @end
        try (xbd) {
            assertThat(xbd.faults().active()).hasSize(1);
        }
    }
}
