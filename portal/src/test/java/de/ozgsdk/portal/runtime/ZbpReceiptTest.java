package de.ozgsdk.portal.runtime;

import static de.ozgsdk.portal.runtime.Flows.address;
import static de.ozgsdk.portal.runtime.Flows.applicant;
import static de.ozgsdk.portal.runtime.Flows.vehicle;
import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.AttributeValue;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.postbox.PostboxMessage;
import de.ozgsdk.postbox.ZbpPostbox;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.sandbox.postbox.ZbpMessage;
import de.ozgsdk.sandbox.postbox.ZbpSandbox;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.HttpsChannel;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The receipt into the BundID postbox: the runtime's postbox message, enqueued with the application, goes through
 * ozg-postbox's {@link ZbpPostbox} and the FIT-Connect sandbox to the ZBP mock, which checks and accepts it.
 */
class ZbpReceiptTest {

    private static final UUID ZBP_DESTINATION = UUID.randomUUID();
    private static final UUID MAILBOX = UUID.fromString("0d7f3c1e-8a5b-4f6e-9c2d-1b3a4e5f6a7b");
    private static final PrivateKeyCredential AUTHOR = SandboxPki.selfSignedRsa("Stadt Koeln Postfach");
    private static final TenantId KOELN = TenantId.of(PortalWorld.KOELN_ARS);

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    /** The seam's stand-in until the PDF writer is merged: a fixed one-page PDF naming the submission id. */
    private static final ReceiptRenderer RENDERER = (receipt, service, tenant) -> new ReceiptRenderer.RenderedReceipt(
            "eingangsbestaetigung.pdf", "application/pdf", ("%PDF-1.4\n% " + receipt.submissionId()
                    + "\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                    .getBytes(StandardCharsets.ISO_8859_1));

    /** A receipt over the postbox's limit per attachment (e.g. a service with many pages of answers). */
    private static final ReceiptRenderer HUGE_RENDERER = (receipt, service, tenant) ->
            new ReceiptRenderer.RenderedReceipt("eingangsbestaetigung.pdf", "application/pdf",
                    new byte[PostboxMessage.MAX_ATTACHMENT_BYTES + 1]);

    @ParameterizedTest
    @MethodSource("databases")
    void theReceiptArrivesOnceInTheCitizensBundIdPostbox(String database) throws Exception {
        submitAndReceive(database, RENDERER, (runtime, ref, receipt, message) -> {
            assertThat(message.attachments()).singleElement().satisfies(a -> {
                assertThat(a.filename()).isEqualTo("eingangsbestaetigung.pdf");
                assertThat(new String(a.content(), StandardCharsets.ISO_8859_1))
                        .contains(receipt.submissionId().toString());
            });
            assertThat(runtime.receiptDocument(ref)).hasValueSatisfying(d ->
                    assertThat(d.content()).isEqualTo(message.attachments().get(0).content()));
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReceiptOverThePostboxLimitStaysOutOfTheMessageAndTheApplicationIsSubmitted(String database)
            throws Exception {
        submitAndReceive(database, HUGE_RENDERER, (runtime, ref, receipt, message) -> {
            assertThat(message.attachments()).isEmpty();
            assertThat(runtime.receiptDocument(ref)).hasValueSatisfying(d ->
                    assertThat(d.content()).hasSize(PostboxMessage.MAX_ATTACHMENT_BYTES + 1));
        });
    }

    /** What a test checks once the application was submitted and the postbox message received. */
    private interface Received {
        void check(ServiceRuntime runtime, ApplicationRef ref, SubmissionReceipt receipt, ZbpMessage message);
    }

    private static void submitAndReceive(String database, ReceiptRenderer renderer, Received received)
            throws Exception {
        try (PortalWorld world = new PortalWorld(database);
                FitConnectSandbox fitConnect = FitConnectSandbox.builder()
                        .sender("portal", "portal-secret")
                        .subscriber("zbp", "zbp-secret", ZBP_DESTINATION)
                        .start();
                ZbpSandbox zbp = ZbpSandbox.builder()
                        .fitConnect(fitConnect, ZBP_DESTINATION, "zbp", "zbp-secret")
                        .persona(MAILBOX, "Erika Mustermann")
                        .author(AUTHOR.certificate())
                        .autoReceive(false)
                        .start()) {
            // every node's outbox is the same table: the postbox enqueues through this one, the runtime's node
            // writes with its own connection, and this node's dispatcher delivers both
            PortalWorld.Node node = world.node();
            ZbpPostbox postbox = ZbpPostbox.builder(FitConnectConfig.builder()
                                    .tokenEndpoint(fitConnect.tokenUrl())
                                    .client("portal", "portal-secret")
                                    .submissionApi(fitConnect.baseUrl())
                                    .trustAnchors(TrustedCertificates.of(List.of(fitConnect.trustAnchor())))
                                    .build(),
                            FitConnectLedger.of(node.db, Clock.systemUTC()), node.outbox)
                    .destination(ZBP_DESTINATION, URI.create(ZbpSandbox.ENVELOPE_SCHEMA))
                    .author(AUTHOR)
                    .build();
            ServiceRuntime runtime = world.node(b -> b.postbox(postbox).receiptRenderer(renderer)).runtime;
            Citizen erika = Citizen.builder().subjectKey("erika").issuer("https://id.sandbox.ozgsdk.de/idp")
                    .trustLevel(TrustLevel.HIGH).authenticatedAt(Instant.now()).postboxReference(MAILBOX.toString())
                    .attribute(PersonAttribute.GIVEN_NAME, AttributeValue.of("givenName", "ERIKA", Optional.empty()))
                    .build();
            DraftOwner owner = ServiceRuntime.citizenOwner(KOELN, erika);
            ApplicationState s = runtime.start(KOELN, PortalWorld.PERMIT, Locale.GERMAN, owner, Optional.of(erika));
            s = runtime.postStep(s.ref(), s.version(), 0, applicant("ERIKA", "Mustermann", "12.08.1964"),
                    StepAction.NEXT).state();
            s = runtime.postStep(s.ref(), s.version(), 1, address("51147"), StepAction.NEXT).state();
            s = runtime.postStep(s.ref(), s.version(), 2, vehicle("K-AB 123"), StepAction.NEXT).state();
            var redirect = runtime.startPayment(s.ref(), s.version(), PortalWorld.RETURN);
            runtime.completePayment(s.ref(), Flows.pay(redirect.payPage(), "pay"));
            long version = runtime.state(s.ref()).version();

            SubmissionReceipt receipt = runtime.submit(s.ref(), version);
            assertThat(runtime.submit(s.ref(), version)).isEqualTo(receipt);
            HttpsChannel intake = HttpsChannel.builder(world.intake.intakeUri(), HttpClientConfig.builder()
                    .clientCredential(world.intake.pki().issueClient("ozg-portal"))
                    .trustedCertificates(world.intake.serverTrust()).build()).build();
            try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(node.outbox,
                    postbox.addRoutes(ChannelRouter.builder().route("koeln-parken", intake)).build())
                    .workerId("zbp-test").build()) {
                dispatcher.drainOnce();
                dispatcher.drainOnce();
            }
            zbp.receiveNow();

            assertThat(world.intake.count()).isEqualTo(1);
            List<ZbpMessage> inbox = zbp.inbox(MAILBOX);
            assertThat(inbox).hasSize(1);
            ZbpMessage message = inbox.get(0);
            assertThat(message.title()).isEqualTo("Ihr Antrag: Anwohnerparkausweis beantragen");
            assertThat(message.sender()).isEqualTo("Stadt Köln, Bürgeramt");
            assertThat(message.content()).contains(receipt.submissionId().toString()).contains("Stadt Köln");
            assertThat(message.applicationId()).contains(receipt.submissionId());
            received.check(runtime, s.ref(), receipt, message);
        }
    }
}
