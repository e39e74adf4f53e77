package de.ozgsdk.sandbox.fitconnect.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.UUID;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.sandbox.fitconnect.FitConnectFaults;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.sandbox.fitconnect.SandboxDestination;
import de.ozgsdk.sandbox.fitconnect.SubmissionRecord;
import de.ozgsdk.sandbox.fitconnect.SubmissionStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The code samples of the FIT-Connect mock's Javadoc and of SANDBOX.md: each region is copied verbatim into the docs
 * (checked by DocSnippetsTest in the examples module); the plain HTTP calls around them prove what the samples claim.
 */
class FitConnectSnippetsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSamplesDoWhatTheirCommentsSay() throws Exception {
        // @start region="fit-connect-start"
        UUID destinationId = UUID.randomUUID();
        FitConnectSandbox fitConnect = FitConnectSandbox.builder()
                .sender("portal", "portal-secret")
                .subscriber("fachverfahren", "fachverfahren-secret", destinationId)
                .destination(SandboxDestination.builder(destinationId)
                        .service(LeikaKey.parse("99010003001006"), "DE09330411")
                        .build())
                .start(); // port 0: any free loopback port
        URI submissionApi = fitConnect.baseUrl(); // the Submission API: v1/destinations, v1/submissions, v1/cases
        URI tokenUrl = fitConnect.tokenUrl(); // OAuth2 client_credentials
        URI routingApi = fitConnect.routingUrl(); // routes, areas
        X509Certificate trustAnchor = fitConnect.trustAnchor(); // validates the x5c chain of destination keys
        RSAKey decryptionKey = fitConnect.encryptionKey(destinationId); // private: the subscriber decrypts with it
        // @end
        try (fitConnect) {
            String token = token(tokenUrl);
            assertThat(get(submissionApi.resolve("v1/destinations/" + destinationId), token).get("encryptionKid")
                    .stringValue()).isEqualTo(decryptionKey.getKeyID());
            assertThat(get(routingApi.resolve("routes?leikaKey=99010003001006&ars=093304110000"), token)
                    .get("totalCount").intValue()).isEqualTo(1);
            assertThat(decryptionKey.isPrivate()).isTrue();
            assertThat(decryptionKey.getParsedX509CertChain()).last().isEqualTo(trustAnchor);

            // @start region="fit-connect-destination"
            SandboxDestination destination = SandboxDestination.builder()
                    .service(LeikaKey.parse("99010003001006"), "DE09330411")
                    .callback(URI.create("https://fv.example/callbacks"), "a-secret-of-at-least-32-characters")
                    .build();
            // @end
            fitConnect.addDestination(destination);
            assertThat(get(submissionApi.resolve("v1/destinations/" + destination.id()), token).get("status")
                    .stringValue()).isEqualTo("active");

            UUID submissionId = create(fitConnect, token, destinationId);
            // @start region="fit-connect-faults"
            fitConnect.faults().add(FitConnectFaults.submitUnavailable().once()); // next submit: 503, nothing kept
            fitConnect.faults().add(FitConnectFaults.tokenExpired().once()); // next API call: 401, old tokens dead
            String newKid = fitConnect.rotateEncryptionKey(destinationId); // the destination announces a new key
            fitConnect.duplicateCallbacks(true); // every callback arrives twice
            // @end
            fitConnect.duplicateCallbacks(false);
            // the faults apply in the order they were added
            assertThat(submit(fitConnect, token, submissionId, destinationId)).isEqualTo(503);
            assertThat(submit(fitConnect, token, submissionId, destinationId)).isEqualTo(401);
            assertThat(get(submissionApi.resolve("v1/destinations/" + destinationId), token).get("status").intValue())
                    .isEqualTo(401);
            assertThat(fitConnect.submittedCount(destinationId)).isZero();
            token = token(tokenUrl);
            assertThat(submit(fitConnect, token, submissionId, destinationId)).isEqualTo(202);

            // @start region="fit-connect-assert"
            int submitted = fitConnect.submittedCount(destinationId); // submissions submitted to the destination
            SubmissionRecord record = fitConnect.submission(submissionId).orElseThrow();
            SubmissionStatus status = record.status(); // SUBMITTED, then ACCEPTED or REJECTED
            boolean receivedWhatWasSent = record.acceptedTags().equals(record.sentTags()); // once accepted
            // @end
            assertThat(submitted).isEqualTo(1);
            assertThat(status).isEqualTo(SubmissionStatus.SUBMITTED);
            assertThat(receivedWhatWasSent).isFalse();
            assertThat(record.encryptionKids()).containsExactly(newKid);
        }
    }

    private String token(URI tokenUrl) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=portal&client_secret=portal-secret")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").stringValue();
    }

    private JsonNode get(URI uri, String token) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private UUID create(FitConnectSandbox fitConnect, String token, UUID destinationId) throws Exception {
        String body = "{\"destinationId\":\"" + destinationId + "\",\"announcedAttachments\":[],\"serviceType\":"
                + "{\"name\":\"Bauantrag\",\"identifier\":\"urn:de:fim:leika:leistung:99010003001006\"}}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(fitConnect.uri("/v1/submissions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return UUID.fromString(JSON.readTree(response.body()).get("submissionId").stringValue());
    }

    private int submit(FitConnectSandbox fitConnect, String token, UUID submissionId, UUID destinationId)
            throws Exception {
        RSAKey key = fitConnect.encryptionKey(destinationId).toPublicJWK();
        JWEObject metadata = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID(key.getKeyID()).build(), new Payload("{}".getBytes(StandardCharsets.UTF_8)));
        metadata.encrypt(new RSAEncrypter(key));
        String body = "{\"encryptedMetadata\":\"" + metadata.serialize() + "\"}";
        return http.send(HttpRequest.newBuilder(fitConnect.uri("/v1/submissions/" + submissionId))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
