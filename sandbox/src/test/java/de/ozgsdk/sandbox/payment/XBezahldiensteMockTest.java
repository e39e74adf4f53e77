package de.ozgsdk.sandbox.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.sandbox.RecordedExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link XBezahldiensteMock} on the wire, with a plain JDK client and hand-written JSON (not the SDK's client): the
 * checks of a payment request, the token endpoint, the pay page, the admin resources and the masked record.
 */
class XBezahldiensteMockTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/paymenttransaction/ozg-parken/051110000000";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private XBezahldiensteMock mock;
    private String token;

    @BeforeEach
    void start() throws Exception {
        mock = XBezahldiensteMock.builder().endPoint("ozg-parken", "051110000000").oauthClient("portal", "geheim")
                .start();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(mock.tokenEndpoint())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "portal:geheim".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=post")));
        token = JSON.readTree(answer.body()).path("access_token").asString();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(mock.uri(PATH)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String request(String requestId, String gros, String purpose, String net) {
        return "{\"requestId\":\"" + requestId + "\",\"requestTimestamp\":\"2026-12-07T10:00:00Z\","
                + "\"currency\":\"EUR\",\"grosAmount\":" + gros + ",\"purpose\":\"" + purpose + "\","
                + "\"redirectUrl\":\"https://s.example.de/r\","
                + "\"items\":[{\"id\":\"1\",\"description\":\"Gebuehr\",\"taxRate\":0,\"quantity\":2,"
                + "\"singleNetAmount\":" + net + ",\"totalNetAmount\":" + gros + ",\"singleTaxAmount\":0,"
                + "\"totalTaxAmount\":0,\"bookingData\":{\"Haushaltsstelle\":\"1.1200\"}}],"
                + "\"requestor\":{\"name\":\"Mustermann\",\"firstName\":\"Erika\"}}";
    }

    private static String code(HttpResponse<String> answer) {
        return JSON.readTree(answer.body()).path("errorCode").asString();
    }

    @Test
    void createsATransactionWhosePayPageSettlesIt() throws Exception {
        HttpResponse<String> created = post(request("r-1", "0.30", "Kopien 2026", "0.15"));
        JsonNode information = JSON.readTree(created.body()).path("paymentInformation");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(information.path("status").asString()).isEqualTo("INITIAL");
        URI payPage = URI.create(information.path("transactionRedirectUrl").asString());
        HttpResponse<String> page = send(HttpRequest.newBuilder(payPage).GET());
        assertThat(page.body()).contains("lang=\"de\"", "0.30 EUR", "value=\"GIROPAY\"", "value=\"CREDITCARD\"",
                "value=\"PAYPAL\"", "value=\"pay\"", "value=\"cancel\"", "value=\"fail\"");

        HttpResponse<String> paid = send(HttpRequest.newBuilder(payPage)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=pay&method=PAYPAL")));
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).contains("https://s.example.de/r");
        HttpResponse<String> status = send(HttpRequest.newBuilder(mock.uri(PATH + "/"
                + information.path("transactionId").asString())).header("Authorization", "Bearer " + token).GET());
        JsonNode settled = JSON.readTree(status.body()).path("paymentInformation");
        assertThat(settled.path("status").asString()).isEqualTo("PAYED");
        assertThat(settled.path("paymentMethod").asString()).isEqualTo("PAYPAL");
        assertThat(settled.has("transactionRedirectUrl")).isFalse();
        HttpResponse<String> again = send(HttpRequest.newBuilder(payPage)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=cancel")));
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void grossAmountThatIsNotTheSumOfTheItemsIsACalculationError() throws Exception {
        HttpResponse<String> answer = post(request("r-2", "0.31", "Kopien 2026", "0.15"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(code(answer)).isEqualTo("CALCULATION_ERROR");
        assertThat(mock.count()).isZero();
    }

    @Test
    void purposeWithUmlautIsAValidationError() throws Exception {
        assertThat(code(post(request("r-3", "0.30", "Gebühr", "0.15")))).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void repeatedRequestIdNamesTheExistingTransaction() throws Exception {
        String first = JSON.readTree(post(request("r-4", "0.30", "Kopien", "0.15")).body())
                .path("paymentInformation").path("transactionId").asString();
        HttpResponse<String> repeated = post(request("r-4", "0.30", "Kopien", "0.15"));
        assertThat(repeated.statusCode()).isEqualTo(409);
        assertThat(code(repeated)).isEqualTo("PAYMENT_EXISTS");
        assertThat(JSON.readTree(repeated.body()).path("transactionId").asString()).isEqualTo(first);
        assertThat(mock.count()).isEqualTo(1);
    }

    @Test
    void requestWithoutTokenIsForbidden() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(mock.uri(PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request("r-5", "0.30", "Kopien", "0.15"))));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(code(answer)).isEqualTo("FORBIDDEN");
    }

    @Test
    void tokenEndpointRefusesAWrongSecret() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(mock.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=portal&client_secret=falsch")));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void recordAndAdminListShowIdsAndAmountButNeverTheRequestor() throws Exception {
        post(request("r-6", "0.30", "Kopien", "0.15"));

        RecordedExchange exchange = mock.records().of("POST", PATH).get(0);
        HttpResponse<String> admin = send(HttpRequest.newBuilder(mock.uri("/__admin/payments")).GET());

        assertThat(exchange.body()).isEqualTo("requestId=r-6, grosAmount=0.30, items=1, requestor=***");
        assertThat(exchange.headers()).containsEntry("authorization", "***");
        assertThat(mock.records().of("POST", XBezahldiensteMock.TOKEN_PATH).get(0).body())
                .doesNotContain("geheim");
        assertThat(admin.body()).contains("\"requestId\":\"r-6\"", "\"grosAmount\":0.30", "\"status\":\"INITIAL\"")
                .doesNotContain("Mustermann", "Erika");
        assertThat(send(HttpRequest.newBuilder(mock.uri("/__admin/payments")).DELETE()).statusCode()).isEqualTo(204);
        assertThat(mock.count()).isZero();
    }

    @Test
    void stuckStatusFaultCanBeSetThroughTheAdminEndpoint() throws Exception {
        String id = JSON.readTree(post(request("r-7", "0.30", "Kopien", "0.15")).body())
                .path("paymentInformation").path("transactionId").asString();
        send(HttpRequest.newBuilder(mock.payPage(id)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=fail")));
        send(HttpRequest.newBuilder(mock.uri("/__admin/faults")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"kind\":\"systemError\",\"error\":\"STUCK_AT_INITIAL\",\"method\":\"GET\","
                        + "\"path\":\"/paymenttransaction/**\",\"times\":1}")));

        HttpRequest.Builder read = HttpRequest.newBuilder(mock.uri(PATH + "/" + id))
                .header("Authorization", "Bearer " + token).GET();
        assertThat(JSON.readTree(send(read).body()).path("paymentInformation").path("status").asString())
                .isEqualTo("INITIAL");
        assertThat(JSON.readTree(send(read).body()).path("paymentInformation").path("status").asString())
                .isEqualTo("FAILED");
    }

    @Test
    void builderRefusesMutualTlsTogetherWithOauthClients() {
        assertThatThrownBy(() -> XBezahldiensteMock.builder().oauthClient("a", "b").mutualTls().start())
                .isInstanceOf(ConfigurationException.class);
    }
}
