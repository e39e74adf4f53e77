package de.ozgsdk.transfer.fitconnect.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.crypto.TestPki;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.fitconnect.CallbackVerifier;
import de.ozgsdk.transfer.fitconnect.DeliveryService;
import de.ozgsdk.transfer.fitconnect.FitConnectChannel;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectKeys;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import de.ozgsdk.transfer.fitconnect.FitConnectSubscriber;
import de.ozgsdk.transfer.fitconnect.FitConnectTarget;
import de.ozgsdk.transfer.fitconnect.FitkoFixtures;
import de.ozgsdk.transfer.fitconnect.PendingSubmission;
import de.ozgsdk.transfer.fitconnect.ReceivedSubmission;
import de.ozgsdk.transfer.fitconnect.SecurityEventToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FIT-Connect samples of the Javadoc and TRANSFER.md, run against the test delivery service: each region is
 * copied verbatim into the docs (DocSnippetsTest), and the assertions after it prove what the sample claims.
 */
class FitConnectSnippetsTest {

    private final Database db = Database.h2InMemory("snippets_" + UUID.randomUUID().toString().replace("-", ""));
    private final String clientId = "api-client-1";
    private final String clientSecret = "client-secret-from-the-self-service-portal";
    private final UUID destinationId = DeliveryService.DESTINATION;
    private final URI xoevSchema = URI.create(DeliveryService.SCHEMA);

    @TempDir
    Path configDir;

    private DeliveryService service;
    private URI tokenEndpoint;
    private URI submissionApi;

    @BeforeEach
    void start() throws Exception {
        service = new DeliveryService();
        tokenEndpoint = service.url().resolve("/token");
        submissionApi = service.url();
        TestPki.writePem(configDir.resolve("fitko-root.pem"), TestPki.certificatePem(FitConnectKeys.CA.certificate()));
    }

    @AfterEach
    void stop() {
        service.close();
        db.close();
    }

    private FitConnectConfig config() {
        // @start region="fitconnect-config"
        FitConnectConfig config = FitConnectConfig.builder()
                .tokenEndpoint(tokenEndpoint)
                .client(clientId, clientSecret)
                .submissionApi(submissionApi)
                .trustAnchors(TrustedCertificates.load(configDir.resolve("fitko-root.pem")))
                .build();
        // @end
        return config;
    }

    private FitConnectChannel send(FitConnectConfig config, String submissionId) {
        Outbox outbox = Outbox.builder(db).build();
        // @start region="fitconnect-channel"
        FitConnectChannel fitConnect = FitConnectChannel.builder(config, FitConnectLedger.of(db, Clock.systemUTC()),
                        FitConnectTarget.xml(destinationId, LeikaKey.parse("99010003001006"), "Bauantrag", xoevSchema))
                .build();
        ChannelRouter router = ChannelRouter.builder().route("fit-connect:bauamt", fitConnect).build();
        // @end
        outbox.enqueue(OutgoingApplication.of(submissionId, "<antrag/>".getBytes(StandardCharsets.UTF_8))
                .toOutboxMessage("fit-connect:bauamt"));
        try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, router).workerId("portal-1").build()) {
            dispatcher.drainOnce();
        }
        assertThat(outbox.findByIdempotencyKey(submissionId).orElseThrow().status())
                .isEqualTo(OutboxStatus.DELIVERED);
        return fitConnect;
    }

    @Test
    void sendsThroughTheOutboxAndTheSubscriberAcceptsWhatTheSenderThenConfirms() {
        FitConnectConfig config = config();
        String submissionId = UUID.randomUUID().toString();
        FitConnectChannel fitConnect = send(config, submissionId);
        assertThat(service.submitted()).isEqualTo(1);

        String encryptionKid = FitConnectKeys.ENCRYPTION.kid();
        PrivateKey decryptionKey = FitConnectKeys.ENCRYPTION.pair().getPrivate();
        String signatureKid = FitConnectKeys.SIGNATURE.kid();
        PrivateKey signingKey = FitConnectKeys.SIGNATURE.pair().getPrivate();
        Path schemaDir = FitkoFixtures.require(FitkoFixtures.METADATA_SCHEMA).getParent();
        List<byte[]> imported = new ArrayList<>();
        // @start region="fitconnect-subscriber"
        FitConnectSubscriber subscriber = FitConnectSubscriber.builder(config, destinationId)
                .decryptionKey(encryptionKid, decryptionKey)
                .signingKey(signatureKid, signingKey)
                .metadataSchema(schemaDir.resolve("metadata.schema.json")) // 2.1.0, from schema.fitko.de
                .build();
        for (PendingSubmission pending : subscriber.pending()) {
            ReceivedSubmission received = subscriber.fetch(pending);
            if (received.valid()) {
                imported.add(received.data().orElseThrow());
                subscriber.accept(received);
            } else {
                subscriber.reject(received, received.problems());
            }
        }
        // @end
        assertThat(imported).containsExactly("<antrag/>".getBytes(StandardCharsets.UTF_8));

        // @start region="fitconnect-acceptance"
        Optional<SecurityEventToken> accepted = fitConnect.acceptance(submissionId); // tags checked; a reject throws
        // @end
        assertThat(accepted).get().extracting(SecurityEventToken::event)
                .isEqualTo(SecurityEventToken.Event.ACCEPT_SUBMISSION);
    }

    @Test
    void callbackIsVerifiedBeforeItsBodyIsRead() {
        String callbackSecret = "insecure_unsafe_qHScgrg_kP-R31jHUwp3GkVkGJolvBchz65b74Lzue0";
        byte[] rawBody = "{\"type\":\"https://schema.fitko.de/fit-connect/submission-api/callbacks/new-events\"}"
                .getBytes(StandardCharsets.UTF_8);
        String timestampHeader = Long.toString(System.currentTimeMillis() / 1000);
        String authenticationHeader = CallbackVerifier.of(callbackSecret).authentication(timestampHeader, rawBody);

        // @start region="fitconnect-callback"
        CallbackVerifier callbacks = CallbackVerifier.of(callbackSecret);
        callbacks.verify(timestampHeader, authenticationHeader, rawBody); // SecurityCheckException if forged or stale
        // only now parse rawBody (CallbackNewSubmissions / CallbackNewEvents)
        // @end

        assertThatThrownBy(() -> callbacks.verify(timestampHeader, authenticationHeader, "{}".getBytes(
                StandardCharsets.UTF_8))).isInstanceOf(SecurityCheckException.class);
    }
}
