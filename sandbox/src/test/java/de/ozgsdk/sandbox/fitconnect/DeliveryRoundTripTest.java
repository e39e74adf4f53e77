package de.ozgsdk.sandbox.fitconnect;

import static de.ozgsdk.sandbox.fitconnect.ApiSchemas.ROUTING_API;
import static de.ozgsdk.sandbox.fitconnect.ApiSchemas.SUBMISSION_API;
import static de.ozgsdk.sandbox.fitconnect.ApiSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.ozgsdk.core.LeikaKey;
import tools.jackson.databind.JsonNode;

/**
 * One submission through the mock as the real parties would move it, each step over a socket with a client of the
 * test's own (OkHttp, Nimbus): routing, destination and key, create, attachment, submit, the destination's callback,
 * pick-up, accept, the sender's callback and the event log; every response checked against the official API
 * description, every signature and HMAC verified.
 */
class DeliveryRoundTripTest {

    static final String LEIKA = "99010003001006";
    static final String SENDER_SECRET = "portal-secret";
    static final String SUBSCRIBER_SECRET = "fachverfahren-secret";
    static final String DESTINATION_CALLBACK_SECRET = "destination-callback-secret-0123456789";
    static final String SENDER_CALLBACK_SECRET = "sender-callback-secret-0123456789abcdef";

    static final UUID DESTINATION = UUID.randomUUID();
    static CallbackReceiver destinationCallbacks;
    static CallbackReceiver senderCallbacks;
    static FitConnectSandbox sandbox;
    static Api api;

    @BeforeAll
    static void start() {
        destinationCallbacks = new CallbackReceiver();
        senderCallbacks = new CallbackReceiver();
        sandbox = FitConnectSandbox.builder()
                .sender("portal", SENDER_SECRET)
                .subscriber("fachverfahren", SUBSCRIBER_SECRET, DESTINATION)
                .destination(SandboxDestination.builder(DESTINATION)
                        .name("Bauaufsicht Musterstadt")
                        .service(LeikaKey.parse(LEIKA), "DE09330411")
                        .callback(destinationCallbacks.url(), DESTINATION_CALLBACK_SECRET)
                        .build())
                .start();
        api = new Api(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        destinationCallbacks.close();
        senderCallbacks.close();
    }

    @Test
    void carriesASubmissionFromSenderToSubscriberAndBackWithVerifiableEvents() throws Exception {
        String senderToken = api.token("portal", SENDER_SECRET);

        // routing: the route to the destination, signed by the self-service portal
        Api.Reply routes = api.get("/routing/v1/routes?leikaKey=" + LEIKA + "&ars=093304110000", null);
        assertThat(routes.status()).isEqualTo(200);
        assertValid(ROUTING_API, "route-result", routes.body());
        JsonNode route = routes.json().get("routes").get(0);
        assertThat(route.get("destinationId").stringValue()).isEqualTo(DESTINATION.toString());
        Api.Reply portalJwks = api.get(sandbox.portalJwksUrl().getPath(), null);
        assertValid(ROUTING_API, "jwks", portalJwks.body());
        JWTClaimsSet addressing = Jose.verify(route.get("destinationSignature").stringValue(),
                JWKSet.parse(portalJwks.body()));
        assertThat(addressing.getStringClaim("destinationId")).isEqualTo(DESTINATION.toString());
        assertThat(addressing.getIssuer()).isEqualTo(sandbox.portalIssuer());
        assertThat(addressing.getClaim("services").toString()).contains("urn:de:fim:leika:leistung:" + LEIKA,
                "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs:09330411");

        // destination and its encryption key, chained to the trust anchor
        Api.Reply destination = api.get("/v1/destinations/" + DESTINATION, senderToken);
        assertThat(destination.status()).isEqualTo(200);
        assertThat(destination.headers().get("Cache-Control")).isEqualTo("no-cache");
        assertValid(SUBMISSION_API, "PublicDestination", destination.body());
        String kid = destination.json().get("encryptionKid").stringValue();
        Api.Reply keyReply = api.get("/v1/destinations/" + DESTINATION + "/keys/" + kid, senderToken);
        assertThat(keyReply.status()).isEqualTo(200);
        assertValid(SUBMISSION_API, "JWK", keyReply.body());
        RSAKey key = RSAKey.parse(keyReply.body());
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.getKeyOperations()).containsExactly(KeyOperation.WRAP_KEY);
        assertThat(key.size()).isEqualTo(4096);
        assertChainsTo(key, sandbox.trustAnchor());

        // create, upload, submit
        UUID attachmentId = UUID.randomUUID();
        var create = Api.JSON.readTree(Api.createBody(DESTINATION, LEIKA, attachmentId));
        var createWithCallback = ((tools.jackson.databind.node.ObjectNode) create);
        createWithCallback.putObject("callback").put("url", senderCallbacks.url().toString())
                .put("secret", SENDER_CALLBACK_SECRET);
        assertValid(SUBMISSION_API, "CreateSubmission", create.toString().replace("http://", "https://"));
        Api.Reply created = api.post("/v1/submissions", senderToken, Api.JSON_TYPE, create.toString());
        assertThat(created.status()).isEqualTo(201);
        assertValid(SUBMISSION_API, "SubmissionCreated", created.body());
        UUID submissionId = UUID.fromString(created.json().get("submissionId").stringValue());
        UUID caseId = UUID.fromString(created.json().get("caseId").stringValue());

        byte[] attachment = "%PDF-1.7 Lageplan".getBytes(StandardCharsets.UTF_8);
        String encryptedAttachment = Jose.encrypt(attachment, key, "application/pdf");
        assertThat(api.put("/v1/submissions/" + submissionId + "/attachments/" + attachmentId, senderToken,
                Api.JOSE, encryptedAttachment).status()).isEqualTo(204);

        byte[] metadata = "{\"contentStructure\":{}}".getBytes(StandardCharsets.UTF_8);
        byte[] data = "<antrag/>".getBytes(StandardCharsets.UTF_8);
        String encryptedMetadata = Jose.encrypt(metadata, key, "application/json");
        String encryptedData = Jose.encrypt(data, key, "application/xml");
        String submit = Api.JSON.createObjectNode().put("encryptedMetadata", encryptedMetadata)
                .put("encryptedData", encryptedData).toString();
        assertValid(SUBMISSION_API, "SubmitSubmission", submit);
        Api.Reply submitted = api.put("/v1/submissions/" + submissionId, senderToken, Api.JSON_TYPE, submit);
        assertThat(submitted.status()).isEqualTo(202);
        assertValid(SUBMISSION_API, "SubmissionReduced", submitted.body().replace("http://", "https://"));
        assertThat(submitted.json().get("attachments").get(0).stringValue()).isEqualTo(attachmentId.toString());

        // the destination is told, with a verifiable HMAC
        CallbackReceiver.Received newSubmission = destinationCallbacks.next();
        assertThat(newSubmission.authentication()).isEqualTo(Jose.callbackHmac(DESTINATION_CALLBACK_SECRET,
                newSubmission.timestamp(), newSubmission.body()));
        assertThat(newSubmission.authentication()).hasSize(128).matches("[0-9a-f]+");
        assertValid(SUBMISSION_API, "CallbackNewSubmissions", newSubmission.body());
        assertThat(Api.JSON.readTree(newSubmission.body()).get("submissions").get(0).get("submissionId")
                .stringValue()).isEqualTo(submissionId.toString());

        // the subscriber picks it up and decrypts it with the destination's private key
        String subscriberToken = api.token("fachverfahren", SUBSCRIBER_SECRET);
        Api.Reply pickup = api.get("/v1/submissions?destinationId=" + DESTINATION, subscriberToken);
        assertThat(pickup.status()).isEqualTo(200);
        assertValid(SUBMISSION_API, "SubmissionsForPickup", pickup.body());
        assertThat(pickup.body()).contains(submissionId.toString());
        Api.Reply fetched = api.get("/v1/submissions/" + submissionId, subscriberToken);
        assertThat(fetched.status()).isEqualTo(200);
        assertValid(SUBMISSION_API, "Submission", fetched.body().replace("http://", "https://"));
        RSAKey privateKey = sandbox.encryptionKey(DESTINATION);
        assertThat(Jose.decrypt(fetched.json().get("encryptedMetadata").stringValue(), privateKey))
                .isEqualTo(metadata);
        assertThat(Jose.decrypt(fetched.json().get("encryptedData").stringValue(), privateKey)).isEqualTo(data);
        Api.Reply attachmentReply = api.get("/v1/submissions/" + submissionId + "/attachments/" + attachmentId,
                subscriberToken);
        assertThat(attachmentReply.status()).isEqualTo(200);
        assertThat(attachmentReply.contentType()).startsWith("application/jose");
        assertValid(SUBMISSION_API, "Attachment", Api.JSON.writeValueAsString(attachmentReply.body()));
        assertThat(Jose.decrypt(attachmentReply.body(), privateKey)).isEqualTo(attachment);

        // accept with the authentication tags of what was received
        Map<String, Object> tags = Map.of("metadata", Jose.tag(encryptedMetadata), "data", Jose.tag(encryptedData),
                "attachments", Map.of(attachmentId.toString(), Jose.tag(attachmentReply.body())));
        String accept = Jose.subscriberSet(sandbox.signatureKey(DESTINATION), DESTINATION, submissionId, caseId,
                "https://schema.fitko.de/fit-connect/events/accept-submission", Map.of("authenticationTags", tags));
        assertValid(SUBMISSION_API, "SecurityEventToken", Api.JSON.writeValueAsString(accept));
        assertThat(api.post("/v1/cases/" + caseId + "/events", subscriberToken, Api.JOSE, accept).status())
                .isEqualTo(204);

        // the sender is told, with its own secret
        CallbackReceiver.Received newEvents = senderCallbacks.next();
        assertThat(newEvents.authentication()).isEqualTo(Jose.callbackHmac(SENDER_CALLBACK_SECRET,
                newEvents.timestamp(), newEvents.body()));
        assertValid(SUBMISSION_API, "CallbackNewEvents", newEvents.body());

        // the event log: create and submit signed by the delivery service, accept by the destination
        Api.Reply serviceJwks = api.get("/.well-known/jwks.json", null);
        assertValid(SUBMISSION_API, "JWKS", serviceJwks.body());
        Api.Reply log = api.get("/v1/cases/" + caseId + "/events", senderToken);
        assertThat(log.status()).isEqualTo(200);
        assertValid(SUBMISSION_API, "EventLog", log.body());
        List<String> events = new ArrayList<>();
        log.json().get("eventLog").forEach(entry -> events.add(entry.stringValue()));
        assertThat(events).hasSize(3);
        JWKSet serviceKeys = JWKSet.parse(serviceJwks.body());
        assertServiceEvent(events.get(0), serviceKeys, submissionId, caseId, "create-submission");
        assertServiceEvent(events.get(1), serviceKeys, submissionId, caseId, "submit-submission");
        String signatureKid = SignedJWT.parse(events.get(2)).getHeader().getKeyID();
        Api.Reply signatureKey = api.get("/v1/destinations/" + DESTINATION + "/keys/" + signatureKid, senderToken);
        assertValid(SUBMISSION_API, "JWK", signatureKey.body());
        JWTClaimsSet accepted = Jose.verify(events.get(2), new JWKSet(RSAKey.parse(signatureKey.body())));
        assertThat(accepted.getJSONObjectClaim("events"))
                .containsOnlyKeys("https://schema.fitko.de/fit-connect/events/accept-submission");

        // what the mock recorded
        SubmissionRecord record = sandbox.submission(submissionId).orElseThrow();
        assertThat(record.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(record.acceptedTags()).isEqualTo(record.sentTags()).isPresent();
        assertThat(record.sentTags().orElseThrow().attachments()).containsEntry(attachmentId,
                Jose.tag(encryptedAttachment));
        assertThat(record.encryptionKids()).containsExactly(kid);
        assertThat(sandbox.submittedCount(DESTINATION)).isEqualTo(1);
        assertThat(sandbox.submittedCountWithAttachment(attachmentId)).isEqualTo(1);
        assertThat(api.get("/v1/submissions?destinationId=" + DESTINATION, subscriberToken).json()
                .get("totalCount").intValue()).isZero();
    }

    @Test
    void answersInfoAsTheApiDescriptionSays() {
        Api.Reply info = api.get("/v1/info", null);

        assertThat(info.status()).isEqualTo(200);
        assertValid(SUBMISSION_API, "Info", info.body());
        assertValid(ROUTING_API, "info", api.get("/routing/v1/info", null).body());
    }

    static void assertServiceEvent(String compact, JWKSet serviceKeys, UUID submissionId, UUID caseId, String event)
            throws Exception {
        SignedJWT jwt = SignedJWT.parse(compact);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS512);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("secevent+jwt"));
        JWTClaimsSet claims = Jose.verify(compact, serviceKeys);
        assertThat(claims.getIssuer()).isEqualTo(sandbox.baseUrl().toString());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime()).isBeforeOrEqualTo(new Date(System.currentTimeMillis() + 1000));
        assertThat(claims.getSubject()).isEqualTo("submission:" + submissionId);
        assertThat(claims.getStringClaim("txn")).isEqualTo("case:" + caseId);
        assertThat(claims.getJSONObjectClaim("events"))
                .containsOnlyKeys("https://schema.fitko.de/fit-connect/events/" + event);
    }

    static void assertChainsTo(RSAKey key, X509Certificate anchor) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        for (var encoded : key.getX509CertChain()) {
            chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(encoded.decode())));
        }
        assertThat(chain.get(0).getPublicKey()).isEqualTo(key.toRSAPublicKey());
        CertPath path = factory.generateCertPath(chain.subList(0, chain.size() - 1));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
        assertThat(Optional.of(chain.get(chain.size() - 1))).contains(anchor);
    }
}
