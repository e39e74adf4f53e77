package de.ozgsdk.sandbox.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.sandbox.RecordedExchange;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.Receipt;
import de.ozgsdk.transfer.fitconnect.FitConnectAttachment;
import de.ozgsdk.transfer.fitconnect.FitConnectChannel;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import de.ozgsdk.transfer.fitconnect.FitConnectSubscriber;
import de.ozgsdk.transfer.fitconnect.FitConnectTarget;
import de.ozgsdk.transfer.fitconnect.PendingSubmission;
import de.ozgsdk.transfer.fitconnect.Problem;
import de.ozgsdk.transfer.fitconnect.ReceivedSubmission;
import de.ozgsdk.transfer.fitconnect.SecurityEventToken;

/**
 * Sender → delivery service → subscriber over sockets: the SDK's FIT-Connect sender and subscriber (module transfer,
 * written independently from the same API descriptions) against this mock. Each side proves the other: what the
 * sender encrypts the subscriber decrypts and checks against the metadata schema, what the subscriber signs the
 * sender verifies, and the mock counts each application once.
 */
class FitConnectEndToEndTest {

    static final String LEIKA = "99010003001006";
    static final UUID DESTINATION = UUID.randomUUID();
    static final URI SCHEMA = URI.create("urn:xoev-de:ozgsdk:sandbox:antrag");
    static FitConnectSandbox sandbox;
    static Database database;

    @BeforeAll
    static void start() {
        sandbox = FitConnectSandbox.builder()
                .sender("portal", "portal-secret")
                .subscriber("fachverfahren", "fachverfahren-secret", DESTINATION)
                .destination(SandboxDestination.builder(DESTINATION).service(LeikaKey.parse(LEIKA), "DE09")
                        .submissionSchema(SCHEMA.toString(), "application/xml").build())
                .start();
        database = Database.h2InMemory("fitconnect_e2e_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        database.close();
    }

    static FitConnectConfig config(String clientId, String secret) {
        return FitConnectConfig.builder()
                .tokenEndpoint(sandbox.tokenUrl())
                .client(clientId, secret)
                .submissionApi(sandbox.baseUrl())
                .routing(sandbox.routingUrl(), sandbox.portalJwksUrl())
                .trustAnchors(TrustedCertificates.of(List.of(sandbox.trustAnchor())))
                .build();
    }

    static FitConnectChannel channel() {
        return FitConnectChannel.builder(config("portal", "portal-secret"),
                        FitConnectLedger.of(database, Clock.systemUTC()),
                        FitConnectTarget.xml(DESTINATION, LeikaKey.parse(LEIKA), "Bauantrag", SCHEMA))
                .attachments(application -> List.of(FitConnectAttachment.of(
                        ("%PDF-1.7 Lageplan zu " + application.submissionId()).getBytes(StandardCharsets.UTF_8),
                        "lageplan.pdf", "application/pdf", "attachment")))
                .build();
    }

    static FitConnectSubscriber subscriber() {
        return FitConnectSubscriber.builder(config("fachverfahren", "fachverfahren-secret"), DESTINATION)
                .decryptionKey(sandbox.encryptionKey(DESTINATION).getKeyID(), privateKey(DESTINATION))
                .signingKey(sandbox.signatureKey(DESTINATION).getKeyID(), signingKey(DESTINATION))
                .metadataSchema(FitkoFixtures.require("metadata/2.1.0/metadata.schema.json"))
                .build();
    }

    static java.security.PrivateKey privateKey(UUID destination) {
        try {
            return sandbox.encryptionKey(destination).toPrivateKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new AssertionError(e);
        }
    }

    static java.security.PrivateKey signingKey(UUID destination) {
        try {
            return sandbox.signatureKey(destination).toPrivateKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new AssertionError(e);
        }
    }

    static OutgoingApplication application() {
        String id = "antrag-" + UUID.randomUUID();
        return OutgoingApplication.of(id, ("<antrag id=\"" + id + "\"/>").getBytes(StandardCharsets.UTF_8));
    }

    /** The subscriber's view of the submission with this FIT-Connect id, fetched. */
    static ReceivedSubmission fetch(FitConnectSubscriber subscriber, String fitConnectSubmissionId) {
        PendingSubmission pending = subscriber.pending().stream()
                .filter(candidate -> candidate.submissionId().equals(fitConnectSubmissionId))
                .findFirst().orElseThrow(() -> new AssertionError("submission not ready for pick-up"));
        return subscriber.fetch(pending);
    }

    @Test
    void anApplicationIsDeliveredOnceAcceptedAndTheAcceptanceVerifiedBySender() {
        FitConnectChannel channel = channel();
        OutgoingApplication application = application();

        Receipt receipt = channel.send(application);
        String submissionId = receipt.reference().orElseThrow();
        ReceivedSubmission received = fetch(subscriber(), submissionId);

        assertThat(received.problems()).isEmpty();
        assertThat(received.valid()).isTrue();
        assertThat(new String(received.data().orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("<antrag id=\"" + application.submissionId() + "\"/>");
        assertThat(received.attachmentIds()).hasSize(1);
        subscriber().accept(received);

        Optional<SecurityEventToken> acceptance = channel.acceptance(application.submissionId());
        assertThat(acceptance).isPresent();
        SubmissionRecord record = sandbox.submission(UUID.fromString(submissionId)).orElseThrow();
        assertThat(record.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(record.acceptedTags()).isEqualTo(record.sentTags());

        int before = sandbox.submittedCount(DESTINATION);
        Receipt again = channel.send(application);
        assertThat(again.alreadyDelivered()).isTrue();
        assertThat(sandbox.submittedCount(DESTINATION)).isEqualTo(before);
        assertThat(sandbox.submissions()).filteredOn(s -> s.status() != SubmissionStatus.CREATED)
                .filteredOn(s -> s.submissionId().toString().equals(submissionId)).hasSize(1);
    }

    @Test
    void aRejectWithProblemsReachesTheSenderAsAPermanentFailure() {
        FitConnectChannel channel = channel();
        OutgoingApplication application = application();
        String submissionId = channel.send(application).reference().orElseThrow();
        ReceivedSubmission received = fetch(subscriber(), submissionId);

        subscriber().reject(received, List.of(Problem.of("schema-violation", "Schema verletzt",
                "the Fachverfahren cannot read this application", "data")));

        assertThatThrownBy(() -> channel.acceptance(application.submissionId()))
                .isInstanceOfSatisfying(RemoteSystemException.class, failure ->
                        assertThat(failure.retryable()).isFalse());
        assertThat(sandbox.submission(UUID.fromString(submissionId)).orElseThrow().rejectProblems())
                .hasValueSatisfying(problems -> assertThat(problems).contains("schema-violation"));
    }

    @Test
    void aSubmitThatFailsWith503IsRetriedIntoExactlyOneSubmission() {
        FitConnectChannel channel = channel();
        int before = sandbox.submittedCount(DESTINATION);
        sandbox.faults().add(FitConnectFaults.submitUnavailable().once());

        Receipt receipt = channel.send(application()); // the client's own retry of the 503

        String path = "/v1/submissions/" + receipt.reference().orElseThrow();
        assertThat(sandbox.records().of("PUT", path)).extracting(RecordedExchange::status)
                .containsExactly(OptionalInt.of(503), OptionalInt.of(202));
        assertThat(sandbox.submittedCount(DESTINATION)).isEqualTo(before + 1);
    }

    @Test
    void aTokenThatExpiresMidFlowIsRenewedAndTheSendCompletes() {
        FitConnectChannel channel = channel();
        channel.send(application()); // caches a token
        int before = sandbox.submittedCount(DESTINATION);
        sandbox.faults().add(FitConnectFaults.tokenExpired().once());

        Receipt receipt = channel.send(application());

        assertThat(receipt.reference()).isPresent();
        assertThat(sandbox.submittedCount(DESTINATION)).isEqualTo(before + 1);
    }

    @Test
    void aDroppedAttachmentUploadIsRepeatedWithoutASecondSubmission() {
        FitConnectChannel channel = channel();
        int before = sandbox.submittedCount(DESTINATION);
        sandbox.faults().add(FitConnectFaults.attachmentUploadDropped().once());

        Receipt receipt = channel.send(application()); // the client's own retry of the broken upload

        SubmissionRecord record = sandbox.submission(UUID.fromString(receipt.reference().orElseThrow()))
                .orElseThrow();
        UUID attachment = record.announcedAttachments().get(0);
        assertThat(sandbox.records().of("PUT", "/v1/submissions/" + record.submissionId() + "/attachments/"
                + attachment)).extracting(RecordedExchange::status)
                .containsExactly(OptionalInt.empty(), OptionalInt.of(204));
        assertThat(record.attachmentUploads()).containsExactly(java.util.Map.entry(attachment, 1));
        assertThat(sandbox.submittedCount(DESTINATION)).isEqualTo(before + 1);
    }

    @Test
    void aRotatedKeyIsUsedForTheNextApplicationAndTheSubscriberDecryptsWithIt() {
        FitConnectChannel channel = channel();
        String newKid = sandbox.rotateEncryptionKey(DESTINATION);

        String submissionId = channel.send(application()).reference().orElseThrow();

        assertThat(sandbox.submission(UUID.fromString(submissionId)).orElseThrow().encryptionKids())
                .containsExactly(newKid);
        assertThat(fetch(subscriber(), submissionId).valid()).isTrue();
    }
}
