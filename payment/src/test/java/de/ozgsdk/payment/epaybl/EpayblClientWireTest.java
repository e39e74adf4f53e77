package de.ozgsdk.payment.epaybl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.payment.BookingLine;
import de.ozgsdk.payment.PaymentOrder;
import de.ozgsdk.payment.PaymentReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SOAP wire of {@link EpayblClient} byte by byte against canned answers (the ePayBL mock of the sandbox runs the
 * whole flow): what the requests look like, answers the mock does not give (ePayBL 3.x texts, a diverging amount) and
 * hostile answers.
 */
class EpayblClientWireTest {

    private static final TenantId TENANT = TenantId.parse("051110000000");
    private static final String OK = "<ergebnis><istOk>true</istOk><code>0</code></ergebnis>";

    private final MockWebServer server = new MockWebServer();
    private EpayblClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = EpayblClient.builder()
                .serviceUrl(server.url("/soap/servlet/rpcrouter").uri())
                .paypage(EpayblPaypage.of(URI.create("https://epay.example.de/paypage/login.do"),
                        "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)))
                .mandant(new EpayblMandant("1610000000", "42", "01"))
                .http(HttpClientConfig.builder().callTimeout(Duration.ofSeconds(5)).build())
                .completion(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1))
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheKassenzeichenAsSoap11RpcCallInTheEpaymentNamespace() throws Exception {
        answer("isAlive", "<istOk>true</istOk>");
        answer("lesenTransaktion", "<ergebnis><istOk>false</istOk><code>-410</code></ergebnis>");
        answer("anlegenKunde", OK);
        answer("anlegenKassenzeichenMitZahlverfahrenlisteMitBLP",
                OK + "<buchungsListe><kassenzeichen>420000000061</kassenzeichen></buchungsListe>");
        answer("loeschenKunde", OK);

        client.start(order());

        server.takeRequest();
        server.takeRequest();
        RecordedRequest kunde = server.takeRequest();
        RecordedRequest kassenzeichen = server.takeRequest();
        assertThat(kassenzeichen.getHeaders().get("SOAPAction"))
                .isEqualTo("\"http://www.bff.bund.de/ePayment#anlegenKassenzeichenMitZahlverfahrenlisteMitBLP\"");
        assertThat(kassenzeichen.getHeaders().get("Content-Type")).startsWith("text/xml");
        Element call = operation(kassenzeichen);
        assertThat(call.getNamespaceURI()).isEqualTo("http://www.bff.bund.de/ePayment");
        assertThat(call.getLocalName()).isEqualTo("anlegenKassenzeichenMitZahlverfahrenlisteMitBLP");
        assertThat(text(call, "mandantNr")).isEqualTo("1610000000");
        assertThat(text(call, "betrag")).isEqualTo("61.20");
        assertThat(text(call, "haushaltsstelle")).isEqualTo("1.1200.431000");
        assertThat(text(call, "objektnummer")).isEqualTo("4711");
        assertThat(text(call, "waehrungskennzeichen")).isEqualTo("EUR");
        assertThat(text(call, "kennzeichenMahnverfahren")).isEqualTo("01");
        assertThat(text(call, "EShopTransaktionsNr")).hasSize(30)
                .isEqualTo(EpayblClient.transaktionsNr(order().requestId()));
        assertThat(text(call, "eShopKundenNr")).isEqualTo(text(operation(kunde), "EShopKundenNr"))
                .startsWith(EpayblClient.transaktionsNr(order().requestId()) + "-");
        assertThat(text(operation(kunde), "nachname")).as("no personal data in the pseudo customer")
                .isEqualTo("Anwohnerparken 2026");
    }

    @Test
    void refusesAPaidAmountThatDiffersFromTheOrderedOne() {
        String nr = EpayblClient.transaktionsNr(order().requestId());
        answer("lesenKassenzeichenInfo", OK + "<kassenzeichen>420000000061</kassenzeichen><EShopKundennummer>" + nr
                + "-0a0b0c0d</EShopKundennummer><betragHauptforderungen>10.00</betragHauptforderungen>"
                + "<paypageStatus><code>INAKTIV</code></paypageStatus>");
        answer("lesenTransaktion", OK + "<buchungsListe><betrag>61.20</betrag>"
                + "<kassenzeichen>420000000061</kassenzeichen></buchungsListe>");

        assertThatThrownBy(() -> client.status(reference())).isInstanceOfSatisfying(SecurityCheckException.class,
                e -> assertThat(e.code().code()).isEqualTo("OZG-PAYMENT-206")).hasMessageContaining("10.00");
    }

    @Test
    void readsTheErgebnisTextsNestedAsEpayblThreeSendsThem() {
        answer("isAlive", "<istOk>false</istOk><text><code>-901</code><kurzText>Wartung</kurzText>"
                + "<langText>bis 22 Uhr</langText></text>");

        assertThatThrownBy(() -> client.checkConfiguration(TENANT)).isInstanceOf(RemoteSystemException.class)
                .hasMessageContaining("-901").hasMessageContaining("Wartung").hasMessageContaining("bis 22 Uhr");
    }

    @Test
    void refusesAnAnswerWithADoctypeWithoutResolvingIt() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/xml")
                .body("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<e>&x;</e>").build());

        assertThatThrownBy(() -> client.checkConfiguration(TENANT)).isInstanceOfSatisfying(
                RemoteSystemException.class, e -> assertThat(e.code().code()).isEqualTo("OZG-PAYMENT-205"))
                .hasMessageNotContaining("root:");
    }

    @Test
    void refusesAnAnswerWithoutErgebnis() {
        answer("isAlive", "<nichts/>");

        assertThatThrownBy(() -> client.checkConfiguration(TENANT)).isInstanceOfSatisfying(
                RemoteSystemException.class, e -> assertThat(e.code().code()).isEqualTo("OZG-PAYMENT-205"))
                .hasMessageContaining("istOk");
    }

    @Test
    void answersPendingWhileThePaypageIsStillActive() {
        String nr = EpayblClient.transaktionsNr(order().requestId());
        answer("lesenKassenzeichenInfo", OK + "<kassenzeichen>420000000061</kassenzeichen><EShopKundennummer>" + nr
                + "-0a0b0c0d</EShopKundennummer><betragHauptforderungen>61.20</betragHauptforderungen>"
                + "<paypageStatus><code>AKTIV</code></paypageStatus>");

        assertThat(client.status(reference()).isPaid()).isFalse();
    }

    private void answer(String operation, String result) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/xml; charset=utf-8")
                .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv="
                        + "\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ns=\"http://www.bff.bund.de/ePayment\">"
                        + "<soapenv:Body><ns:" + operation + "Response><return>" + result + "</return></ns:"
                        + operation + "Response></soapenv:Body></soapenv:Envelope>").build());
    }

    private static Element operation(RecordedRequest request) {
        Document document = SecureXml.defaults().parse(new ByteArrayInputStream(request.getBody().toByteArray()),
                "request");
        Element body = (Element) document.getDocumentElement().getElementsByTagNameNS(
                "http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        return (Element) body.getElementsByTagNameNS("http://www.bff.bund.de/ePayment", "*").item(0);
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent();
    }

    private static PaymentOrder order() {
        return PaymentOrder.builder()
                .tenant(TENANT)
                .applicationId("antrag-1")
                .purpose("Anwohnerparken 2026")
                .line(BookingLine.of("Parkausweis", "1.1200.431000", Money.parse("30.60")).withObjektnummer("4711")
                        .withQuantity(2))
                .returnUrl(URI.create("https://service.example.de/parken/bezahlt"))
                .build();
    }

    private static PaymentReference reference() {
        return new PaymentReference(TENANT, order().requestId(), "420000000061");
    }
}
