package de.ozgsdk.sandbox.postbox.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.postbox.PostboxMessage;
import de.ozgsdk.postbox.ZbpOutcome;
import de.ozgsdk.postbox.ZbpPostbox;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.sandbox.postbox.Authors;
import de.ozgsdk.sandbox.postbox.ZbpDecision;
import de.ozgsdk.sandbox.postbox.ZbpMessage;
import de.ozgsdk.sandbox.postbox.ZbpSandbox;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ZBP mock's sample (ZbpSandbox's Javadoc, SANDBOX.md), run: the mock receives on the delivery service's callback,
 * and the sender follows the event log until the ZBP accepted ({@link ZbpPostbox#awaitOutcome}).
 */
class ZbpSnippetsTest {

    @Test
    void theZbpReceivesOnTheCallbackAndTheSenderFollowsTheEventLogUntilAccepted() throws Exception {
        UUID zbpDestinationId = UUID.randomUUID();
        UUID postkorbHandle = UUID.randomUUID();
        PrivateKeyCredential author = Authors.generate("Stadt Musterstadt Postfach");
        X509Certificate authorCertificate = author.certificate();
        try (FitConnectSandbox fitConnect = FitConnectSandbox.builder().sender("portal", "portal-secret")
                .subscriber("zbp", "zbp-secret", zbpDestinationId).start();
                Database db = Database.h2InMemory("zbp_snippets_" + UUID.randomUUID().toString().replace("-", ""))) {
            // @start region="zbp-sandbox"
            ZbpSandbox zbp = ZbpSandbox.builder()
                    .fitConnect(fitConnect, zbpDestinationId, "zbp", "zbp-secret") // a subscriber of fitConnect
                    .persona(postkorbHandle, "Erika Mustermann")
                    .author(authorCertificate) // the sender's registered certificate
                    .start(); // adds the ZBP destination to fitConnect, with a callback to this mock
            List<ZbpDecision> decisions = zbp.receiveNow(); // or let the callback of each submit do it
            List<ZbpMessage> inbox = zbp.inbox(postkorbHandle);
            // @end
            try (zbp) {
                assertThat(decisions).isEmpty();
                assertThat(inbox).isEmpty();
                Outbox outbox = Outbox.builder(db).build();
                ZbpPostbox postbox = ZbpPostbox.builder(FitConnectConfig.builder()
                                        .tokenEndpoint(fitConnect.tokenUrl()).client("portal", "portal-secret")
                                        .submissionApi(fitConnect.baseUrl())
                                        .trustAnchors(TrustedCertificates.of(List.of(fitConnect.trustAnchor())))
                                        .build(),
                                FitConnectLedger.of(db, Clock.systemUTC()), outbox)
                        .destination(zbpDestinationId, URI.create(ZbpSandbox.ENVELOPE_SCHEMA)).author(author).build();
                String id = postbox.send(PostboxMessage.builder(postkorbHandle).sender("Stadt Musterstadt")
                        .title("Eingangsbestätigung").plainContent("Ihr Antrag ist eingegangen.")
                        .service("Anwohnerparken").build());
                try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox,
                        postbox.addRoutes(ChannelRouter.builder()).build()).workerId("snippets").build()) {
                    dispatcher.drainOnce();
                }

                ZbpOutcome outcome = postbox.awaitOutcome(id, Duration.ofSeconds(30));

                assertThat(outcome.state()).isEqualTo(ZbpOutcome.State.ACCEPTED);
                assertThat(zbp.inbox(postkorbHandle)).extracting(ZbpMessage::title)
                        .containsExactly("Eingangsbestätigung");
            }
        }
    }
}
