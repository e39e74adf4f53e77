package de.ozgsdk.sandbox.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The schema check of the other tests is not vacuous: it refuses what the API descriptions forbid. */
class ApiSchemasTest {

    @Test
    void refusesAnswersTheSubmissionApiDescriptionForbids() {
        assertThat(ApiSchemas.errors(ApiSchemas.SUBMISSION_API, "SubmissionCreated",
                Api.JSON.readTree("{\"submissionId\":\"4f0d1b6e-8f3c-4c4b-9a43-6c1f2b7c9a10\"}"))).isNotEmpty();
        assertThat(ApiSchemas.errors(ApiSchemas.SUBMISSION_API, "JWK",
                Api.JSON.readTree("{\"kty\":\"RSA\",\"key_ops\":[\"wrapKey\"],\"alg\":\"RSA-OAEP-256\","
                        + "\"x5c\":[\"MII\"],\"kid\":\"12345678\",\"n\":\"tooShort\",\"e\":\"AQAB\"}"))).isNotEmpty();
        assertThat(ApiSchemas.errors(ApiSchemas.SUBMISSION_API, "Error",
                Api.JSON.readTree("{\"type\":\"x\",\"title\":\"t\",\"status\":700}"))).isNotEmpty();
    }

    @Test
    void refusesAnswersTheRoutingApiDescriptionForbids() {
        assertThat(ApiSchemas.errors(ApiSchemas.ROUTING_API, "route-result",
                Api.JSON.readTree("{\"count\":1,\"offset\":0,\"totalCount\":1,\"routes\":[{\"destinationId\":"
                        + "\"4f0d1b6e-8f3c-4c4b-9a43-6c1f2b7c9a10\",\"destinationSignature\":\"not a jws\"}]}")))
                .isNotEmpty();
    }
}
