package de.ozgsdk.transfer.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.TestClock;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.transfer.fitconnect.FitConnectKeys.TestKey;
import de.ozgsdk.transfer.fitconnect.SecurityEventToken.Event;
import de.ozgsdk.transfer.fitconnect.internal.Jwe;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sender and subscriber over the same delivery service: the subscriber decrypts and checks, accepts with the tags or
 * rejects with problems, and the sender verifies what comes back (tags, problems, forged tokens).
 */
class FitConnectSubscriberTest {

    private static final byte[] XML = "<antrag><name>Erika Mustermann</name></antrag>".getBytes(StandardCharsets.UTF_8);

    private DeliveryService service;
    private Database db;
    private FitConnectConfig config;
    private FitConnectChannel channel;
    private FitConnectSubscriber subscriber;
    private OutgoingApplication application;

    @BeforeEach
    void start() throws Exception {
        service = new DeliveryService();
        db = Database.h2InMemory("fitconnect-" + UUID.randomUUID());
        TestClock clock = new TestClock(Instant.now());
        config = FitConnectConfig.builder()
                .tokenEndpoint(service.url().resolve("/token"))
                .client("api-client-1", "client-secret-not-logged")
                .submissionApi(service.url())
                .trustAnchors(TrustedCertificates.of(List.of(FitConnectKeys.CA.certificate())))
                .http(HttpClientConfig.builder().maxRetries(0).readTimeout(Duration.ofSeconds(5)).build())
                .clock(clock)
                .build();
        channel = FitConnectChannel.builder(config, FitConnectLedger.of(db, clock), FitConnectTarget.xml(
                        DeliveryService.DESTINATION, LeikaKey.parse("99010003001006"), "Bauantrag",
                        URI.create(DeliveryService.SCHEMA)))
                .attachments(app -> List.of(FitConnectAttachment.of("%PDF".getBytes(StandardCharsets.US_ASCII),
                        "antrag.pdf", "application/pdf", "form")))
                .build();
        subscriber = FitConnectSubscriber.builder(config, DeliveryService.DESTINATION)
                .decryptionKey(FitConnectKeys.ENCRYPTION.kid(), FitConnectKeys.ENCRYPTION.pair().getPrivate())
                .signingKey(FitConnectKeys.SIGNATURE.kid(), FitConnectKeys.SIGNATURE.pair().getPrivate())
                .metadataSchema(FitkoFixtures.require(FitkoFixtures.METADATA_SCHEMA))
                .build();
        application = OutgoingApplication.of(UUID.randomUUID().toString(), XML);
        channel.send(application);
    }

    @AfterEach
    void stop() {
        service.close();
        db.close();
    }

    @Test
    void receivesDecryptsAndAcceptsWithTagsTheSenderVerifies() {
        List<PendingSubmission> pending = subscriber.pending();
        assertThat(pending).hasSize(1);

        ReceivedSubmission received = subscriber.fetch(pending.get(0));
        assertThat(received.problems()).isEmpty();
        assertThat(received.data()).contains(XML);
        assertThat(received.attachmentIds()).hasSize(1);
        assertThat(received.attachment(received.attachmentIds().get(0)))
                .contains("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(received.serviceIdentifier()).isEqualTo(DeliveryService.SERVICE);
        subscriber.accept(received);

        SecurityEventToken acceptance = channel.acceptance(application.submissionId()).orElseThrow();
        assertThat(acceptance.event()).isEqualTo(Event.ACCEPT_SUBMISSION);
        assertThat(acceptance.issuer()).isEqualTo(DeliveryService.DESTINATION.toString());
        assertThat(subscriber.events(pending.get(0))).extracting(SecurityEventToken::event)
                .containsExactly(Event.CREATE_SUBMISSION, Event.SUBMIT_SUBMISSION, Event.ACCEPT_SUBMISSION);
    }

    @Test
    void acceptanceIsPendingUntilTheSubscriberAnswers() {
        assertThat(channel.acceptance(application.submissionId())).isEmpty();
    }

    @Test
    void acceptWithOtherTagsThanSentIsASecurityFailure() {
        DeliveryService.Submission submission = service.submissions().get(0);
        Map<String, Object> tags = Map.of("metadata", Jwe.tagOf(submission.encryptedMetadata),
                "data", "AAAAAAAAAAAAAAAAAAAAAA", "attachments", Map.of());
        service.appendEvent(submission.caseId, DeliveryService.signedEvent(FitConnectKeys.SIGNATURE,
                DeliveryService.DESTINATION.toString(), submission.id, submission.caseId, Event.ACCEPT_SUBMISSION,
                Map.of("authenticationTags", tags)));

        assertThatThrownBy(() -> channel.acceptance(application.submissionId()))
                .isInstanceOfSatisfying(SecurityCheckException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.FITCONNECT_TAGS_MISMATCH);
                    assertThat(e.getMessage()).contains("data").contains("attachment:");
                });
    }

    @Test
    void rejectWithProblemsBecomesAPermanentErrorWithTheProblemsAsReason() {
        ReceivedSubmission received = subscriber.fetch(subscriber.pending().get(0));
        subscriber.reject(received, List.of(Problem.of("schema-violation", "Fachdaten ungültig",
                "Feld F123 fehlt", "data")));

        assertThatThrownBy(() -> channel.acceptance(application.submissionId()))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.FITCONNECT_REJECTED);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("Fachdaten ungültig").contains("Feld F123 fehlt");
                });
        // a requeued entry is not sent again either: it ends as the same dead letter
        assertThatThrownBy(() -> channel.send(application)).isInstanceOfSatisfying(RemoteSystemException.class,
                e -> assertThat(e.code()).isEqualTo(TransferError.FITCONNECT_REJECTED));
        assertThat(service.count("POST", "/v1/submissions")).isEqualTo(1);
    }

    @Test
    void tamperedAttachmentIsReportedAsHashMismatchAndRejected() throws Exception {
        DeliveryService.Submission submission = service.submissions().get(0);
        String attachmentId = submission.announced.get(0);
        submission.attachments.put(attachmentId, Jwe.encrypt("%PDF changed".getBytes(StandardCharsets.US_ASCII),
                "application/pdf", FitConnectKeys.ENCRYPTION.publicJwk(com.nimbusds.jose.jwk.KeyOperation.WRAP_KEY,
                        "RSA-OAEP-256")).compact());

        ReceivedSubmission received = subscriber.fetch(subscriber.pending().get(0));

        assertThat(received.valid()).isFalse();
        assertThat(received.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(Problem.TYPE_PREFIX + "hash-mismatch");
            assertThat(problem.instance()).contains("attachment:" + attachmentId);
        });
        assertThatThrownBy(() -> subscriber.accept(received)).hasMessageContaining("reject it");
        subscriber.reject(received, received.problems());
        assertThatThrownBy(() -> channel.acceptance(application.submissionId()))
                .hasMessageContaining("hash of the attachment differs");
    }

    @Test
    void metadataViolatingTheirSchemaAreReported() throws Exception {
        DeliveryService.Submission submission = service.submissions().get(0);
        submission.encryptedMetadata = Jwe.encrypt("{\"contentStructure\":{}}".getBytes(StandardCharsets.UTF_8),
                "application/json", FitConnectKeys.ENCRYPTION.publicJwk(com.nimbusds.jose.jwk.KeyOperation.WRAP_KEY,
                        "RSA-OAEP-256")).compact();

        ReceivedSubmission received = subscriber.fetch(subscriber.pending().get(0));

        assertThat(received.problems()).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.type()).endsWith("schema-violation"));
    }

    @Test
    void submissionForAnotherKeyCannotBeDecrypted() {
        FitConnectSubscriber wrongKey = FitConnectSubscriber.builder(config, DeliveryService.DESTINATION)
                .decryptionKey(FitConnectKeys.ENCRYPTION_ROTATED.kid(),
                        FitConnectKeys.ENCRYPTION_ROTATED.pair().getPrivate())
                .signingKey(FitConnectKeys.SIGNATURE.kid(), FitConnectKeys.SIGNATURE.pair().getPrivate())
                .metadataSchema(FitkoFixtures.require(FitkoFixtures.METADATA_SCHEMA))
                .build();

        ReceivedSubmission received = wrongKey.fetch(wrongKey.pending().get(0));

        assertThat(received.problems()).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.type()).endsWith("encryption-issue"));
    }

    @Test
    void unsignedTokenInTheEventLogIsRefused() {
        DeliveryService.Submission submission = service.submissions().get(0);
        service.appendEvent(submission.caseId, new PlainJWT(claims(submission, Event.SUBMIT_SUBMISSION)).serialize());

        assertForgedTokenRefused("not a signed JWT");
    }

    @Test
    void tokenSignedWithAnUnknownKeyUnderTheServiceKidIsRefused() throws Exception {
        DeliveryService.Submission submission = service.submissions().get(0);
        TestKey forger = new TestKey(FitConnectKeys.SERVICE.kid(), FitConnectKeys.PORTAL.pair(),
                FitConnectKeys.PORTAL.certificate());
        service.appendEvent(submission.caseId, DeliveryService.signedEvent(forger, "https://evil.example",
                submission.id, submission.caseId, Event.SUBMIT_SUBMISSION, Map.of()));

        assertForgedTokenRefused("signature does not verify");
    }

    @Test
    void acceptSignedByAKeyOutsideTheDestinationIsRefused() {
        DeliveryService.Submission submission = service.submissions().get(0);
        service.publishKey(FitConnectKeys.UNTRUSTED.kid(), FitConnectKeys.UNTRUSTED.verifyJson());
        service.appendEvent(submission.caseId, DeliveryService.signedEvent(FitConnectKeys.UNTRUSTED,
                DeliveryService.DESTINATION.toString(), submission.id, submission.caseId, Event.ACCEPT_SUBMISSION,
                Map.of("authenticationTags", Map.of("metadata", "x"))));

        assertForgedTokenRefused("x5c chain not trusted");
    }

    @Test
    void tokenWithWrongTypeOrSeveralEventsIsRefused() throws Exception {
        DeliveryService.Submission submission = service.submissions().get(0);
        SignedJWT wrongType = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS512).type(JOSEObjectType.JWT)
                .keyID(FitConnectKeys.SERVICE.kid()).build(), claims(submission, Event.SUBMIT_SUBMISSION));
        wrongType.sign(new RSASSASigner(FitConnectKeys.SERVICE.privateJwk()));
        service.appendEvent(submission.caseId, wrongType.serialize());

        assertForgedTokenRefused("not secevent+jwt");
    }

    @Test
    void tokenWithTwoEventsIsRefused() throws Exception {
        DeliveryService.Submission submission = service.submissions().get(0);
        JWTClaimsSet two = new JWTClaimsSet.Builder(claims(submission, Event.SUBMIT_SUBMISSION))
                .claim("events", Map.of(Event.SUBMIT_SUBMISSION.uri(), Map.of(), Event.ACCEPT_SUBMISSION.uri(),
                        Map.of()))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS512)
                .type(new JOSEObjectType("secevent+jwt")).keyID(FitConnectKeys.SERVICE.kid()).build(), two);
        jwt.sign(new RSASSASigner(FitConnectKeys.SERVICE.privateJwk()));
        service.appendEvent(submission.caseId, jwt.serialize());

        assertForgedTokenRefused("exactly one event");
    }

    @Test
    void tokenAboutAnotherSubmissionIsRefusedByTheSubscriberAndIgnoredByTheSender() {
        DeliveryService.Submission submission = service.submissions().get(0);
        service.appendEvent(submission.caseId, DeliveryService.signedEvent(FitConnectKeys.SERVICE,
                service.url().toString(), UUID.randomUUID().toString(), submission.caseId, Event.SUBMIT_SUBMISSION,
                Map.of()));

        assertThatThrownBy(() -> subscriber.events(new PendingSubmission(DeliveryService.DESTINATION.toString(),
                submission.id, submission.caseId))).hasMessageContaining("sub is not submission:" + submission.id);
        assertThat(channel.events(application.submissionId())).hasSize(2);
    }

    private static JWTClaimsSet claims(DeliveryService.Submission submission, Event event) {
        return new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).issuer("https://evil.example")
                .issueTime(new Date()).subject("submission:" + submission.id).claim("txn", "case:" + submission.caseId)
                .claim("events", Map.of(event.uri(), Map.of())).build();
    }

    private void assertForgedTokenRefused(String reason) {
        assertThatThrownBy(() -> channel.events(application.submissionId()))
                .isInstanceOfSatisfying(SecurityCheckException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.FITCONNECT_SET_INVALID);
                    assertThat(e.getMessage()).contains(reason);
                });
    }
}
