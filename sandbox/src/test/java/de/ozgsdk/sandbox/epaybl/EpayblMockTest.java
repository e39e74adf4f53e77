package de.ozgsdk.sandbox.epaybl;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.http.OzgHttpClients;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ePayBL mock on its own wire: raw SOAP requests, the Paypage's checks and the admin resources. */
class EpayblMockTest {

    private static final MediaType XML = MediaType.get("text/xml; charset=utf-8");

    private final EpayblMock epaybl = EpayblMock.builder().start();
    private final OkHttpClient http = OzgHttpClients.create(HttpClientConfig.builder()
            .clientCredential(epaybl.pki().issueClient("test"))
            .trustedCertificates(epaybl.serverTrust())
            .maxRetries(0)
            .build());

    @AfterEach
    void stop() {
        epaybl.close();
    }

    @Test
    void answersIsAliveOfAKnownMandantWithTheErgebnisItself() throws IOException {
        String answer = soap("<ep:isAlive><mandantNr>1610000000</mandantNr></ep:isAlive>", 200);

        assertThat(answer).contains("<ep:isAliveResponse>", "<return><istOk>true</istOk>")
                .doesNotContain("<ergebnis>");
    }

    @Test
    void refusesAnUnknownMandantWithIstOkFalse() throws IOException {
        String answer = soap("<ep:lesenKassenzeichenInfo><mandantNr>1</mandantNr><kassenzeichen>4</kassenzeichen>"
                + "</ep:lesenKassenzeichenInfo>", 200);

        assertThat(answer).contains("<ergebnis><istOk>false</istOk><code>-100</code>");
    }

    @Test
    void answersAFaultForAnUnknownOperationAndForNoEnvelope() throws IOException {
        assertThat(soap("<ep:abbuchen/>", 500)).contains("<faultcode>soapenv:Client</faultcode>", "abbuchen");
        assertThat(post("<kein-soap/>", 500)).contains("no SOAP 1.1 envelope");
    }

    @Test
    void refusesARequestWithADoctypeWithoutResolvingIt() throws IOException {
        String answer = post("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<e>&x;</e>", 500);

        assertThat(answer).contains("soapenv:Client").containsIgnoringCase("doctype");
    }

    @Test
    void paypageRefusesACustomerNumberThatIsNotTheKassenzeichens() throws IOException {
        Request request = new Request.Builder().url(epaybl.uri(EpayblMock.PAYPAGE_PATH
                + "?mandant=1610000000&EShopKundenNr=x&kassenzeichen=400000000001&backlinkSuccess=https%3A%2F%2Fa"
                + "&backlinkAbort=https%3A%2F%2Fa").toString()).build();
        try (Response response = http.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(400);
        }
    }

    @Test
    void adminScriptsARefusalAndRefusesUnknownCodesAndBadCounts() throws IOException {
        assertThat(admin("POST", "epaybl/refuse?operation=isAlive&code=WARTUNG", 204)).isEmpty();
        assertThat(soap("<ep:isAlive><mandantNr>1610000000</mandantNr></ep:isAlive>", 200))
                .contains("<istOk>false</istOk><code>-900</code>");
        assertThat(admin("POST", "epaybl/refuse?operation=isAlive&code=NOPE", 400)).contains("OZG-SANDBOX-162");
        assertThat(admin("POST", "epaybl/refuse?operation=abbuchen&code=WARTUNG", 400)).contains("OZG-SANDBOX-161");
        assertThat(admin("POST", "epaybl/slow-inaktiv?reads=zwei", 400)).contains("OZG-SANDBOX-110");
        assertThat(admin("POST", "epaybl/slow-inaktiv?reads=2", 204)).isEmpty();
        assertThat(admin("GET", "epaybl/kassenzeichen", 200)).isEqualTo("[]");
    }

    private String soap(String operation, int status) throws IOException {
        return post("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:ep=\"http://www.bff.bund.de/ePayment\"><soapenv:Body>" + operation
                + "</soapenv:Body></soapenv:Envelope>", status);
    }

    private String post(String body, int status) throws IOException {
        Request request = new Request.Builder().url(epaybl.serviceUrl().toString())
                .post(RequestBody.create(body, XML)).build();
        try (Response response = http.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(status);
            return response.body().string();
        }
    }

    private String admin(String method, String resource, int status) throws IOException {
        Request request = new Request.Builder().url(epaybl.uri("/__admin/" + resource).toString())
                .method(method, method.equals("POST") ? RequestBody.create(new byte[0]) : null).build();
        try (Response response = http.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(status);
            return response.body().string();
        }
    }
}
