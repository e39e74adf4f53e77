package de.ozgsdk.transfer.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.transfer.Applications;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.FileDropChannel;
import de.ozgsdk.transfer.HttpsChannel;
import de.ozgsdk.transfer.ImportedApplications;
import de.ozgsdk.transfer.IntakeServer;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.Receipt;
import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.message.ApplicationMessageWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code samples of the transfer Javadoc and TRANSFER.md, run against a mutual-TLS intake and a temporary drop
 * directory: each region is copied verbatim into the docs (checked by DocSnippetsTest in the examples module), and the
 * assertions after it prove what the sample's comments claim.
 */
class TransferSnippetsTest {

    private final Database db = Database.h2InMemory("snippets_" + UUID.randomUUID().toString().replace("-", ""));
    private final String submissionId = UUID.randomUUID().toString();
    private final byte[] applicationXml = "<antrag/>".getBytes(StandardCharsets.UTF_8);
    private final PrivateKeyCredential portalCredential = PrivateKeyCredential.of(
            IntakeServer.PORTAL.keyPair().getPrivate(), List.of(IntakeServer.PORTAL.certificate()));
    private final X509Certificate intakeCa = IntakeServer.CA.certificate();

    private IntakeServer server;
    private URI intakeUrl;

    @TempDir
    Path dropDirectory;

    @BeforeEach
    void start() throws Exception {
        server = new IntakeServer();
        intakeUrl = server.url("/antraege");
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    @Test
    void routerDeliversAnEnqueuedApplicationAndHandsOverTheReceipt() {
        Outbox outbox = Outbox.builder(db).build();
        HttpClientConfig tls = HttpClientConfig.builder().clientCredential(portalCredential)
                .trustedCertificates(TrustedCertificates.of(List.of(intakeCa))).build();
        List<String> receipts = new ArrayList<>();
        ApplicationMessage message = Applications.wohnsitzanmeldung("Erika");
        ApplicationMessageWriter writer = ApplicationMessageWriter.create();

        // @start region="router"
        ChannelRouter router = ChannelRouter.builder()
                .route("koeln-buergeramt", HttpsChannel.builder(intakeUrl, tls).build())
                .route("bonn-meldewesen", FileDropChannel.create(dropDirectory))
                .onReceipt((destination, receipt) -> receipts.add(destination + " " + receipt.submissionId()))
                .build();
        db.runInTransaction(conn -> outbox.enqueue(conn,
                OutgoingApplication.write(message, writer).toOutboxMessage("koeln-buergeramt")));
        try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, router).workerId("portal-1").build()) {
            dispatcher.drainOnce(); // or start() it on a thread of its own
        }
        // @end

        String id = message.metadata().submissionId().toString();
        assertThat(receipts).containsExactly("koeln-buergeramt " + id);
        assertThat(server.applications()).containsOnlyKeys(id);
        assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.DELIVERED, 1L);
    }

    @Test
    void httpsChannelPostsWithMutualTlsAndReturnsTheReceiversConfirmation() {
        // @start region="https"
        HttpsChannel intake = HttpsChannel.builder(intakeUrl, HttpClientConfig.builder()
                        .clientCredential(portalCredential) // mutual TLS: required
                        .trustedCertificates(TrustedCertificates.of(List.of(intakeCa)))
                        .build())
                .build();
        Receipt receipt = intake.send(OutgoingApplication.of(submissionId, applicationXml));
        // receipt.document(): the receiver's confirmation; receipt.reference(): its Location header
        // @end

        assertThat(receipt.document()).isPresent();
        assertThat(receipt.reference()).contains("/antraege/AZ-" + submissionId);
        assertThat(server.applications().get(submissionId).toByteArray()).isEqualTo(applicationXml);
    }

    @Test
    void fileDropWritesTheApplicationAndItsDoneMarker() throws Exception {
        // @start region="file-drop"
        FileDropChannel drop = FileDropChannel.create(dropDirectory);
        Receipt receipt = drop.send(OutgoingApplication.of(submissionId, applicationXml));
        // dropDirectory now holds <submissionId>.xml and <submissionId>.xml.done
        // @end

        assertThat(receipt.reference()).contains(submissionId + ".xml");
        assertThat(Files.exists(dropDirectory.resolve(submissionId + ".xml.done"))).isTrue();
        assertThat(ImportedApplications.in(dropDirectory)).containsExactly(submissionId);
    }
}
