package de.ozgsdk.sandbox.epaybl.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.http.OzgHttpClients;
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
import de.ozgsdk.sandbox.epaybl.EpayblMock;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The code samples of EpayblClient's and EpayblMock's Javadoc, EPAYBL.md and SANDBOX.md (checked by DocSnippetsTest
 * in the examples module), run against the ePayBL mock.
 */
class EpayblMockSnippetsTest {

    private final byte[] backlinkKey = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final PaymentOrder order = PaymentOrder.builder()
            .tenant(TenantId.parse("051110000000"))
            .applicationId("antrag-1")
            .purpose("Anwohnerparken 2026")
            .line(BookingLine.of("Parkausweis", "1.1200.431000", Money.parse("30.60")))
            .returnUrl(URI.create("https://service.example.de/parken/bezahlt"))
            .build();
    private EpayblMock mock;

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void clientAgainstTheMock() throws IOException {
        mock = EpayblMock.builder().start();
        // @start region="epaybl-client"
        EpayblClient epaybl = EpayblClient.builder()
                .serviceUrl(mock.serviceUrl())                                 // …/soap/servlet/rpcrouter
                .paypage(EpayblPaypage.of(mock.paypageUrl(), backlinkKey))     // …/paypage/login.do, 32+ byte key
                .mandant(new EpayblMandant("1610000000", "42", "01"))          // or tenant -> Mandant of the tenant
                .clientCertificate(mock.pki().issueClient("ozg-portal"))       // PrivateKeyCredential.fromPkcs12(…)
                .http(HttpClientConfig.builder().trustedCertificates(mock.serverTrust()).build())
                .build();

        PaymentRedirect redirect = epaybl.start(order); // 303 to redirect.payPage(); keep redirect.reference()
        // @end
        PaymentReference reference = redirect.reference();
        Map<String, String[]> parameters = pay(redirect.payPage());
        // @start region="epaybl-complete"
        PaymentResult result = epaybl.complete(PaymentReturn.of(reference, parameters)); // never trusts the link
        // @end
        assertThat(result.isPaid()).isTrue();
        assertThat(result.transactionReference()).contains(reference.transactionId());
    }

    @Test
    void mockWithScriptedFaults() {
        // @start region="epaybl-mock"
        EpayblMock epaybl = EpayblMock.builder().mandant("1610000000", "42").start(); // mutual TLS, its own PKI
        URI service = epaybl.serviceUrl();        // the SOAP endpoint
        URI paypage = epaybl.paypageUrl();        // …/paypage/login.do
        epaybl.faultOn("anlegenKassenzeichenMitZahlverfahrenlisteMitBLP",
                Fault.systemError(EpayblMock.Error.ANSWER_LOST).once()); // creates it, the answer is lost
        epaybl.refuseNext("anlegenKunde", EpayblMock.Code.BEWIRTSCHAFTER_UNBEKANNT); // istOk=false once
        epaybl.slowInaktiv(3);                    // after paying, three reads still answer AKTIV
        // @end
        mock = epaybl;
        assertThat(service.getPath()).isEqualTo(EpayblMock.SERVICE_PATH);
        assertThat(paypage.getPath()).isEqualTo(EpayblMock.PAYPAGE_PATH);
    }

    /** The browser on the Paypage: opens it, pays, and brings the success backlink's parameters back. */
    private Map<String, String[]> pay(URI payPage) throws IOException {
        OkHttpClient browser = OzgHttpClients.create(HttpClientConfig.builder()
                .clientCredential(mock.pki().issueClient("browser"))
                .trustedCertificates(mock.serverTrust()).build()).newBuilder().followRedirects(false).build();
        String kassenzeichen = HttpUrl.get(payPage.toString()).queryParameter("kassenzeichen");
        browser.newCall(new Request.Builder().url(payPage.toString()).build()).execute().close();
        try (Response paid = browser.newCall(new Request.Builder().url(mock.uri("/paypage/pay").toString())
                .post(new FormBody.Builder().add("kassenzeichen", kassenzeichen).add("zahlverfahren", "GIROPAY")
                        .build()).build()).execute()) {
            HttpUrl backlink = HttpUrl.get(paid.header("Location"));
            Map<String, String[]> parameters = new LinkedHashMap<>();
            backlink.queryParameterNames().forEach(name -> parameters.put(name,
                    backlink.queryParameterValues(name).toArray(String[]::new)));
            return parameters;
        }
    }
}
