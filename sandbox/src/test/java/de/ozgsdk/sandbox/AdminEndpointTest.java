package de.ozgsdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin endpoint every mock has: the same faults and the record, as JSON at run time. */
class AdminEndpointTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Http http = Http.plain();
    private final EchoMock mock = EchoMock.builder().start();

    @AfterEach
    void closeMock() {
        mock.close();
    }

    @Test
    void describesTheMockWithItsFaultKindsAndSystemErrors() throws Exception {
        JsonNode description = JSON.readTree(http.get(mock.uri("/__admin/")).body());

        assertThat(description.get("name").stringValue()).isEqualTo("echo");
        assertThat(description.get("baseUrl").stringValue()).isEqualTo(mock.baseUrl().toString());
        assertThat(description.get("faultKinds").toString())
                .isEqualTo("[\"latency\",\"status\",\"hang\",\"drop\",\"systemError\"]");
        assertThat(description.get("systemErrors").toString()).isEqualTo("[\"MAINTENANCE\"]");
    }

    @Test
    void postedFaultHappensOnTheNextMatchingCall() throws Exception {
        HttpResponse<String> added = http.post(mock.uri("/__admin/faults"),
                "{\"kind\":\"status\",\"status\":503,\"method\":\"post\",\"path\":\"/echo\",\"times\":1}");

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).get(0).get("status").intValue()).isEqualTo(503);
        assertThat(http.get(mock.uri("/hello")).statusCode()).isEqualTo(200);
        assertThat(http.post(mock.uri("/echo"), "x").statusCode()).isEqualTo(503);
        assertThat(http.post(mock.uri("/echo"), "x").statusCode()).isEqualTo(201);
    }

    @Test
    void postedListOfFaultsIsAddedInOrderAndListed() throws Exception {
        http.post(mock.uri("/__admin/faults"), "[{\"kind\":\"systemError\",\"error\":\"MAINTENANCE\",\"times\":1},"
                + "{\"kind\":\"latency\",\"delayMillis\":5,\"path\":\"/hel*\"},{\"kind\":\"drop\",\"method\":\"DELETE\"}]");

        JsonNode faults = JSON.readTree(http.get(mock.uri("/__admin/faults")).body());
        assertThat(faults).hasSize(3);
        assertThat(faults.get(0).get("kind").stringValue()).isEqualTo("systemError");
        assertThat(faults.get(1).get("delayMillis").longValue()).isEqualTo(5);
        assertThat(faults.get(1).get("times").isNull()).isTrue();
        assertThat(faults.get(2).get("method").stringValue()).isEqualTo("DELETE");
        assertThat(http.get(mock.uri("/hello")).statusCode()).as("maintenance first").isEqualTo(503);
        assertThat(http.get(mock.uri("/hello")).statusCode()).isEqualTo(200);
    }

    @Test
    void deleteClearsTheFaults() throws Exception {
        mock.faults().add(Fault.status(500));

        assertThat(http.delete(mock.uri("/__admin/faults")).statusCode()).isEqualTo(204);

        assertThat(mock.faults().active()).isEmpty();
        assertThat(http.get(mock.uri("/hello")).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsNeverReachTheAdminEndpointItself() throws Exception {
        mock.faults().add(Fault.drop());

        assertThat(http.get(mock.uri("/__admin/faults")).statusCode()).isEqualTo(200);
        assertThat(http.delete(mock.uri("/__admin/faults")).statusCode()).isEqualTo(204);
        assertThat(mock.records().all()).as("admin calls are not recorded").isEmpty();
    }

    @Test
    void badFaultIsRefusedWith400AndAMessageAndNothingIsAdded() throws Exception {
        HttpResponse<String> unknownError = http.post(mock.uri("/__admin/faults"),
                "[{\"kind\":\"status\",\"status\":503},{\"kind\":\"systemError\",\"error\":\"KEY_ROTATED\"}]");
        HttpResponse<String> noJson = http.post(mock.uri("/__admin/faults"), "503 bitte");
        HttpResponse<String> badKind = http.post(mock.uri("/__admin/faults"), "{\"kind\":\"explode\"}");
        HttpResponse<String> badStatus = http.post(mock.uri("/__admin/faults"), "{\"kind\":\"status\",\"status\":\"x\"}");

        assertThat(unknownError.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownError.body()).get("code").stringValue()).isEqualTo("OZG-SANDBOX-106");
        assertThat(JSON.readTree(unknownError.body()).get("error").stringValue())
                .isEqualTo("[OZG-SANDBOX-106] Mock \"echo\" knows no system error \"KEY_ROTATED\"; it knows [MAINTENANCE].");
        assertThat(noJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noJson.body()).get("error").stringValue())
                .startsWith("[OZG-SANDBOX-107] The fault posted to the admin endpoint is invalid: the body is no JSON");
        assertThat(JSON.readTree(badKind.body()).get("error").stringValue()).contains(
                "unknown fault kind \"explode\"; use latency, status, hang, drop or systemError. Example: {\"kind\"");
        assertThat(JSON.readTree(badStatus.body()).get("error").stringValue())
                .contains("fault field \"status\" must be a whole number, was \"x\"");
        assertThat(mock.faults().active()).isEmpty();
    }

    @Test
    void recordsAreReadableAndClearableWithSecretsMasked() throws Exception {
        mock.faults().add(Fault.status(503).once());
        http.post(mock.uri("/echo"), "<name>Erika Mustermann</name>", "Authorization", "Bearer geheim");
        http.get(mock.uri("/hello"));

        String body = http.get(mock.uri("/__admin/records")).body();
        JsonNode records = JSON.readTree(body);

        assertThat(body).doesNotContain("Erika", "geheim");
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("method").stringValue()).isEqualTo("POST");
        assertThat(records.get(0).get("status").intValue()).isEqualTo(503);
        assertThat(records.get(0).get("fault").stringValue()).isEqualTo("status 503 on * /** (1 time)");
        assertThat(records.get(0).get("headers").get("authorization").stringValue()).isEqualTo("***");
        assertThat(records.get(1).get("fault").isNull()).isTrue();
        assertThat(http.delete(mock.uri("/__admin/records")).statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(http.get(mock.uri("/__admin/records")).body())).isEmpty();
    }

    @Test
    void mockAddsItsOwnAdminResourcesAndUnknownOnesAre404() throws Exception {
        assertThat(http.get(mock.uri("/__admin/greeting")).body()).isEqualTo("{\"greeting\":\"hello\"}");
        HttpResponse<String> unknown = http.get(mock.uri("/__admin/nothing"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no admin resource GET /__admin/nothing");
    }
}
