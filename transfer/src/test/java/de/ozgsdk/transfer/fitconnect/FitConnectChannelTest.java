package de.ozgsdk.transfer.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWEObject;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.TestClock;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.Receipt;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.transfer.fitconnect.FitConnectKeys.TestKey;
import de.ozgsdk.transfer.fitconnect.SecurityEventToken.Event;
import de.ozgsdk.transfer.fitconnect.internal.Jwe;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The FIT-Connect sender against a delivery service on MockWebServer, with real keys and real encryption. */
class FitConnectChannelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] XML = "<antrag><name>Erika Mustermann</name></antrag>".getBytes(StandardCharsets.UTF_8);

    private DeliveryService service;
    private Database db;
    private TestClock clock;
    private FitConnectConfig config;
    private FitConnectLedger ledger;

    @BeforeEach
    void start() throws Exception {
        service = new DeliveryService();
        db = Database.h2InMemory("fitconnect-" + UUID.randomUUID());
        clock = new TestClock(Instant.now());
        config = config(HttpClientConfig.builder().maxRetries(0).readTimeout(Duration.ofSeconds(5)).build());
        ledger = FitConnectLedger.of(db, clock);
    }

    @AfterEach
    void stop() {
        service.close();
        db.close();
    }

    private FitConnectConfig config(HttpClientConfig http) {
        return FitConnectConfig.builder()
                .tokenEndpoint(service.url().resolve("/token"))
                .client("api-client-1", "client-secret-not-logged")
                .submissionApi(service.url())
                .trustAnchors(TrustedCertificates.of(List.of(FitConnectKeys.CA.certificate())))
                .http(http)
                .clock(clock)
                .build();
    }

    private FitConnectChannel channel(FitConnectChannel.AttachmentSource attachments) {
        return FitConnectChannel.builder(config, ledger, FitConnectTarget.xml(DeliveryService.DESTINATION,
                        LeikaKey.parse("99010003001006"), "Bauantrag", URI.create(DeliveryService.SCHEMA)))
                .attachments(attachments)
                .build();
    }

    private static FitConnectChannel.AttachmentSource twoAttachments() {
        return application -> List.of(
                FitConnectAttachment.of("%PDF-1.7 Antrag".getBytes(StandardCharsets.US_ASCII), "antrag.pdf",
                        "application/pdf", "form"),
                FitConnectAttachment.of("Grundriss".getBytes(StandardCharsets.US_ASCII), "grundriss.png",
                        "image/png", "attachment"));
    }

    private static OutgoingApplication application() {
        return OutgoingApplication.of(UUID.randomUUID().toString(), XML);
    }

    private static String decrypt(String compact, TestKey key) throws Exception {
        return new String(Jwe.decrypt(compact, key.pair().getPrivate(), key.kid()), StandardCharsets.UTF_8);
    }

    @Test
    void submitsEncryptedApplicationWithSchemaValidMetadataAndReturnsTheVerifiedSubmitEvent() throws Exception {
        OutgoingApplication application = application();

        Receipt receipt = channel(twoAttachments()).send(application);

        DeliveryService.Submission submission = service.submissions().get(0);
        assertThat(service.submitted()).isEqualTo(1);
        assertThat(receipt.alreadyDelivered()).isFalse();
        assertThat(receipt.reference()).contains(submission.id);
        assertThat(receipt.mediaType()).contains("application/secevent+jwt");
        String submitToken = new String(receipt.document().orElseThrow(), StandardCharsets.US_ASCII);
        assertThat(channel(twoAttachments()).events(application.submissionId()))
                .extracting(SecurityEventToken::event)
                .containsExactly(Event.CREATE_SUBMISSION, Event.SUBMIT_SUBMISSION);
        assertThat(submitToken).isEqualTo(channel(twoAttachments()).events(application.submissionId()).get(1)
                .compact());

        JWEObject metadataJwe = JWEObject.parse(submission.encryptedMetadata);
        assertThat(metadataJwe.getHeader().getAlgorithm().getName()).isEqualTo("RSA-OAEP-256");
        assertThat(metadataJwe.getHeader().getEncryptionMethod().getName()).isEqualTo("A256GCM");
        assertThat(metadataJwe.getHeader().getKeyID()).isEqualTo(FitConnectKeys.ENCRYPTION.kid());
        assertThat(metadataJwe.getHeader().getContentType()).isEqualTo("application/json");
        assertThat(JWEObject.parse(submission.encryptedData).getHeader().getContentType()).isEqualTo("application/xml");

        String metadata = decrypt(submission.encryptedMetadata, FitConnectKeys.ENCRYPTION);
        assertThat(FitkoSchemas.metadataViolations(metadata)).isEmpty();
        JsonNode tree = JSON.readTree(metadata);
        assertThat(tree.path("$schema").asString()).isEqualTo(FitConnectChannel.METADATA_SCHEMA);
        assertThat(tree.at("/contentStructure/data/hash/content").asString()).isEqualTo(Jwe.sha512Hex(XML));
        assertThat(tree.at("/contentStructure/data/submissionSchema/schemaUri").asString())
                .isEqualTo(DeliveryService.SCHEMA);
        assertThat(decrypt(submission.encryptedData, FitConnectKeys.ENCRYPTION).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(XML);
        JsonNode attachments = tree.at("/contentStructure/attachments");
        assertThat(attachments).hasSize(2);
        for (JsonNode attachment : attachments) {
            String id = attachment.path("attachmentId").asString();
            byte[] plain = Jwe.decrypt(submission.attachments.get(id), FitConnectKeys.ENCRYPTION.pair().getPrivate(),
                    FitConnectKeys.ENCRYPTION.kid());
            assertThat(attachment.at("/hash/content").asString()).isEqualTo(Jwe.sha512Hex(plain));
        }
        assertThat(submission.announced).containsExactlyInAnyOrderElementsOf(submission.attachments.keySet());
    }

    @Test
    void requestBodiesFollowTheSubmissionApiDescription() {
        channel(twoAttachments()).send(application());

        RecordedRequest create = request("POST", "/v1/submissions");
        String createBody = create.getBody().utf8();
        assertThat(FitkoSchemas.submissionApiViolations("CreateSubmission", createBody)).isEmpty();
        assertThat(JSON.readTree(createBody).at("/serviceType/identifier").asString())
                .isEqualTo("urn:de:fim:leika:leistung:99010003001006");
        RecordedRequest submit = request("PUT", "/v1/submissions/[^/]+");
        assertThat(FitkoSchemas.submissionApiViolations("SubmitSubmission", submit.getBody().utf8())).isEmpty();
        RecordedRequest upload = request("PUT", "/v1/submissions/[^/]+/attachments/[^/]+");
        assertThat(upload.getHeaders().get("Content-Type")).isEqualTo("application/jose");
        assertThat(FitkoSchemas.submissionApiViolations("CreateAttachment",
                JSON.writeValueAsString(upload.getBody().utf8()))).isEmpty();
        assertThat(create.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    }

    @Test
    void answersOfTheTestDeliveryServiceFollowTheSubmissionApiDescription() throws Exception {
        OutgoingApplication application = application();
        channel(twoAttachments()).send(application);
        DeliveryService.Submission submission = service.submissions().get(0);
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        String token = JSON.readTree(get(http, "/token", null, "POST")).path("access_token").asString();

        assertThat(FitkoSchemas.submissionApiViolations("PublicDestination",
                get(http, "/v1/destinations/" + DeliveryService.DESTINATION, token, "GET"))).isEmpty();
        assertThat(FitkoSchemas.submissionApiViolations("JWK", get(http, "/v1/destinations/"
                + DeliveryService.DESTINATION + "/keys/" + FitConnectKeys.ENCRYPTION.kid(), token, "GET"))).isEmpty();
        assertThat(FitkoSchemas.submissionApiViolations("EventLog",
                get(http, "/v1/cases/" + submission.caseId + "/events", token, "GET"))).isEmpty();
        assertThat(FitkoSchemas.submissionApiViolations("SubmissionsForPickup",
                get(http, "/v1/submissions", token, "GET"))).isEmpty();
        assertThat(FitkoSchemas.submissionApiViolations("Submission",
                get(http, "/v1/submissions/" + submission.id, token, "GET"))).isEmpty();
        assertThat(FitkoSchemas.submissionApiViolations("JWKS",
                get(http, "/.well-known/jwks.json", null, "GET"))).isEmpty();
    }

    private String get(okhttp3.OkHttpClient http, String path, String token, String method) throws Exception {
        okhttp3.Request.Builder request = new okhttp3.Request.Builder().url(service.url().resolve(path).toString());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST")) {
            request.post(okhttp3.RequestBody.create(new byte[0], null));
        }
        try (okhttp3.Response response = http.newCall(request.build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return response.body().string();
        }
    }

    @Test
    void checksTheOwnValidatorRejectsBrokenRequestBodies() {
        assertThat(FitkoSchemas.submissionApiViolations("CreateSubmission",
                "{\"destinationId\":\"x\",\"serviceType\":{\"name\":\"n\",\"identifier\":\"leika:1\"}}")).isNotEmpty();
    }

    @Test
    void fetchesOneTokenForAWholeFlowAndRenewsItWhenItExpires() {
        service.tokenLifetimeSeconds = 600;
        FitConnectChannel channel = channel(twoAttachments());

        channel.send(application());
        assertThat(service.tokensIssued()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(600 - 30)); // inside the 60 s refresh margin
        channel.send(application());

        assertThat(service.tokensIssued()).isEqualTo(2);
        assertThat(service.submitted()).isEqualTo(2);
    }

    @Test
    void renewsTheTokenOnceWhenTheServiceRefusesItMidFlow() {
        service.fail("PUT /v1/submissions/[^/]+/attachments/.*", 1, () -> {
            service.revokeTokens();
            return DeliveryService.status(401);
        });

        Receipt receipt = channel(twoAttachments()).send(application());

        assertThat(receipt.alreadyDelivered()).isFalse();
        assertThat(service.tokensIssued()).isEqualTo(2);
        assertThat(service.submitted()).isEqualTo(1);
    }

    @Test
    void unavailableServiceIsRetryable() {
        service.fail("GET /v1/destinations/.*", 1, () -> DeliveryService.status(503));

        assertThatThrownBy(() -> channel(twoAttachments()).send(application()))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.FITCONNECT_UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("GET /v1/destinations/{id}").contains("HTTP 503");
                });
    }

    @Test
    void slowServiceTimesOutRetryably() {
        config = config(HttpClientConfig.builder().maxRetries(0).readTimeout(Duration.ofMillis(300)).build());
        service.fail("GET /v1/destinations/.*", 1, () -> new MockResponse.Builder().code(200)
                .headersDelay(3, TimeUnit.SECONDS).build());

        assertThatThrownBy(() -> channel(twoAttachments()).send(application()))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.FITCONNECT_UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void uploadFailingHalfWayIsResumedOnRetryWithoutASecondSubmission() {
        OutgoingApplication application = application();
        FitConnectChannel channel = channel(twoAttachments());
        // the first upload is stored, the second breaks the connection:
        service.failAfter("PUT /v1/submissions/[^/]+/attachments/.*", 1, 1, request -> new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket()).build());
        assertThatThrownBy(() -> channel.send(application)).isInstanceOfSatisfying(RemoteSystemException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(service.submissions().get(0).attachments).hasSize(1);
        assertThat(ledger.find(application.submissionId())).get()
                .satisfies(entry -> assertThat(entry.submitted()).isFalse());

        Receipt receipt = channel.send(application);

        assertThat(receipt.alreadyDelivered()).isFalse();
        assertThat(service.count("POST", "/v1/submissions")).isEqualTo(1);
        assertThat(service.submitted()).isEqualTo(1);
        assertThat(service.submissions().get(0).attachments).hasSize(2);
    }

    @Test
    void submitWhoseAnswerWasLostEndsAsAlreadyDeliveredOnRetry() {
        OutgoingApplication application = application();
        FitConnectChannel channel = channel(twoAttachments());
        service.failAfter("PUT /v1/submissions/[^/]+", 0, 1, request -> {
            service.serve(request); // the service takes the submit, then the connection breaks
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        });
        assertThatThrownBy(() -> channel.send(application)).isInstanceOfSatisfying(RemoteSystemException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(service.submitted()).isEqualTo(1);

        Receipt receipt = channel.send(application);

        assertThat(receipt.alreadyDelivered()).isTrue();
        assertThat(receipt.document()).isPresent();
        assertThat(service.count("PUT", "/v1/submissions/[^/]+")).isEqualTo(1);
        assertThat(service.count("POST", "/v1/submissions")).isEqualTo(1);
        assertThat(ledger.find(application.submissionId()).orElseThrow().submitted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {409, 422})
    void duplicateSubmitAnsweredWithConflictOrUnprocessableIsAlreadyDelivered(int repeatedSubmitStatus) {
        service.answerRepeatedSubmitWith(repeatedSubmitStatus);
        OutgoingApplication application = application();
        FitConnectChannel channel = channel(twoAttachments());
        channel.send(application);
        // the record lost the submit (crash right after PUT), and the event log lags behind at first:
        db.runInTransaction(conn -> conn.createStatement().executeUpdate(
                "UPDATE ozg_fitconnect_submission SET state = 'CREATED'"));
        service.fail("GET /v1/cases/.*", 1, () -> new MockResponse.Builder().code(200)
                .body("{\"count\":0,\"offset\":0,\"totalCount\":0,\"eventLog\":[]}").build());

        Receipt receipt = channel.send(application);

        assertThat(receipt.alreadyDelivered()).isTrue();
        assertThat(service.count("PUT", "/v1/submissions/[^/]+")).isEqualTo(2); // the repeat was refused
        assertThat(service.count("POST", "/v1/submissions")).isEqualTo(1);
        assertThat(service.submitted()).isEqualTo(1);
        assertThat(ledger.find(application.submissionId()).orElseThrow().submitted()).isTrue();
    }

    @Test
    void retryAfterASubmittedSubmissionFindsItInTheEventLog() {
        OutgoingApplication application = application();
        FitConnectChannel channel = channel(twoAttachments());
        channel.send(application);

        Receipt repeat = channel.send(application);

        assertThat(repeat.alreadyDelivered()).isTrue();
        assertThat(service.count("POST", "/v1/submissions")).isEqualTo(1);
        assertThat(service.count("PUT", "/v1/submissions/[^/]+")).isEqualTo(1);
    }

    @Test
    void rotatedDestinationKeyIsUsedByTheRetry() throws Exception {
        OutgoingApplication application = application();
        FitConnectChannel channel = channel(twoAttachments());
        service.fail("PUT /v1/submissions/[^/]+", 1, () -> DeliveryService.status(503));
        assertThatThrownBy(() -> channel.send(application)).isInstanceOf(RemoteSystemException.class);
        service.encryptionKid = FitConnectKeys.ENCRYPTION_ROTATED.kid();

        channel.send(application);

        DeliveryService.Submission submission = service.submissions().get(0);
        assertThat(service.submissions()).hasSize(1);
        assertThat(JWEObject.parse(submission.encryptedMetadata).getHeader().getKeyID())
                .isEqualTo(FitConnectKeys.ENCRYPTION_ROTATED.kid());
        for (String attachment : submission.attachments.values()) {
            assertThat(JWEObject.parse(attachment).getHeader().getKeyID())
                    .isEqualTo(FitConnectKeys.ENCRYPTION_ROTATED.kid());
        }
        assertThat(decrypt(submission.encryptedData, FitConnectKeys.ENCRYPTION_ROTATED)
                .getBytes(StandardCharsets.UTF_8)).isEqualTo(XML);
    }

    @Test
    void keyWithoutWrapKeyIsRefusedPermanentlyBeforeAnythingIsCreated() {
        service.publishKey(FitConnectKeys.ENCRYPTION.kid(), FitConnectKeys.ENCRYPTION.verifyJson());

        assertKeyRefused("lacks wrapKey");
    }

    @Test
    void keyShorterThan4096BitIsRefused() {
        service.encryptionKid = FitConnectKeys.SHORT.kid();
        service.publishKey(FitConnectKeys.SHORT.kid(), FitConnectKeys.SHORT.wrapKeyJson());

        assertKeyRefused("2048 bit");
    }

    @Test
    void keyWithUntrustedChainIsRefused() {
        service.encryptionKid = FitConnectKeys.UNTRUSTED.kid();
        service.publishKey(FitConnectKeys.UNTRUSTED.kid(), FitConnectKeys.UNTRUSTED.wrapKeyJson());

        assertKeyRefused("x5c chain not trusted");
    }

    @Test
    void keyWhoseCertificateHoldsAnotherKeyIsRefused() {
        String mixed = FitConnectKeys.ENCRYPTION.wrapKeyJson().replaceFirst("\"x5c\":\\[\"[^\"]+\"\\]",
                "\"x5c\":[\"" + FitConnectKeys.SIGNATURE.publicJwk(com.nimbusds.jose.jwk.KeyOperation.VERIFY,
                        "PS512").getX509CertChain().get(0) + "\"]");
        service.publishKey(FitConnectKeys.ENCRYPTION.kid(), mixed);

        assertKeyRefused("not a valid RSA JWK");
    }

    private void assertKeyRefused(String reason) {
        assertThatThrownBy(() -> channel(twoAttachments()).send(application()))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.FITCONNECT_KEY_REJECTED);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains(reason);
                });
        assertThat(service.count("POST", "/v1/submissions")).isZero();
    }

    @Test
    void inactiveDestinationIsRefusedPermanently() {
        service.status = "inactive";

        assertThatThrownBy(() -> channel(twoAttachments()).send(application()))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.FITCONNECT_DESTINATION_UNUSABLE);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void refusedCreateIsPermanentAndNamesTheStep() {
        service.fail("POST /v1/submissions", 1, () -> DeliveryService.status(403));

        assertThatThrownBy(() -> channel(twoAttachments()).send(application()))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.FITCONNECT_REFUSED);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("POST /v1/submissions").contains("403");
                });
    }

    @Test
    void errorsAndLogsCarryNoPersonalData() {
        service.fail("PUT /v1/submissions/[^/]+", 1, () -> DeliveryService.status(400));

        assertThatThrownBy(() -> channel(twoAttachments()).send(application()))
                .isInstanceOfSatisfying(RemoteSystemException.class, e ->
                        assertThat(e.getMessage()).doesNotContain("Erika").doesNotContain("client-secret"));
        assertThat(config.toString()).doesNotContain("client-secret-not-logged");
    }

    private RecordedRequest request(String method, String pathRegex) {
        return service.requests().stream()
                .filter(r -> r.getMethod().equals(method) && r.getUrl().encodedPath().matches(pathRegex))
                .findFirst().orElseThrow();
    }

}
