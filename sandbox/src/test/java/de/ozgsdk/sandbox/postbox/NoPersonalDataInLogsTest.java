package de.ozgsdk.sandbox.postbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.postbox.ApplicationStatus;
import de.ozgsdk.postbox.PostboxAttachment;
import de.ozgsdk.postbox.PostboxMessage;
import de.ozgsdk.postbox.StatusUpdate;
import de.ozgsdk.postbox.ZbpOutcome;
import de.ozgsdk.postbox.ZbpPostbox;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A full run (messages with attachments, a status update, a rejection, the outcomes) with every logger of the SDK at
 * TRACE and the HTTP exchanges logged: no line holds the citizen's name, Postkorb-Handle, e-mail address, the
 * message's subject, text, reference or file names, or an attachment's content.
 */
class NoPersonalDataInLogsTest {

    private static final UUID ERIKA = UUID.fromString("3c1d5e7f-9a2b-4c6d-8e0f-a1b2c3d4e5f6");
    private static final UUID UNKNOWN = UUID.fromString("6f5e4d3c-2b1a-4098-8776-655443322110");
    private static final UUID APPLICATION = UUID.fromString("b7a6c5d4-e3f2-4a1b-9c8d-7e6f5a4b3c2d");

    @Test
    void aFullRunLogsNoPersonalData() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger sdk = (Logger) LoggerFactory.getLogger("de.ozgsdk");
        Level rootBefore = root.getLevel();
        Level sdkBefore = sdk.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.TRACE);
        sdk.setLevel(Level.TRACE);
        try {
            run();
        } finally {
            root.detachAppender(captured);
            root.setLevel(rootBefore);
            sdk.setLevel(sdkBefore);
        }

        String logs = captured.list.stream().map(NoPersonalDataInLogsTest::render).collect(Collectors.joining("\n"));
        assertThat(captured.list).as("the run logged").hasSizeGreaterThan(10);
        assertThat(logs).contains("enqueued for the ZBP").contains("rejected");
        for (String personal : List.of("Erika", "Mustermann", ERIKA.toString(), UNKNOWN.toString(),
                "erika.mustermann@example.org", "Abwassergebühren", "Grundstück Lindenweg", "AZ 66-7/2026",
                "Gebuehrenbescheid_Mustermann", "Lindenweg 12")) {
            assertThat(logs).as("logs contain %s", personal).doesNotContainIgnoringCase(personal);
        }
    }

    private static String render(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getFormattedMessage());
        for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
            line.append(" | ").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
        }
        return line.toString();
    }

    private static void run() {
        PrivateKeyCredential author = Authors.generate("Stadt Musterstadt Postfach");
        UUID destination = UUID.randomUUID();
        try (FitConnectSandbox fitConnect = FitConnectSandbox.builder().sender("portal", "portal-secret")
                        .subscriber("zbp", "zbp-secret", destination).start();
                ZbpSandbox zbp = ZbpSandbox.builder().fitConnect(fitConnect, destination, "zbp", "zbp-secret")
                        .persona(ERIKA, "Erika Mustermann").author(author.certificate()).autoReceive(false).start();
                Database database = Database.h2InMemory("zbp_logs_" + UUID.randomUUID().toString().replace("-", ""))) {
            Outbox outbox = Outbox.builder(database).build();
            FitConnectConfig config = FitConnectConfig.builder().tokenEndpoint(fitConnect.tokenUrl())
                    .client("portal", "portal-secret").submissionApi(fitConnect.baseUrl())
                    .trustAnchors(TrustedCertificates.of(List.of(fitConnect.trustAnchor())))
                    .http(HttpClientConfig.builder().exchangeLogLevel(org.slf4j.event.Level.INFO).build())
                    .build();
            ZbpPostbox postbox = ZbpPostbox.builder(config, FitConnectLedger.of(database, Clock.systemUTC()), outbox)
                    .destination(destination, URI.create(ZbpSandbox.ENVELOPE_SCHEMA)).author(author).build();
            String accepted = postbox.send(message(ERIKA));
            String rejected = postbox.send(message(UNKNOWN));
            String status = postbox.status(StatusUpdate.builder(APPLICATION, ApplicationStatus.COMPLETED)
                    .publicServiceName("Abwassergebühren").senderName("Stadt Musterstadt")
                    .createdDate(Instant.now()).statusDetails("Grundstück Lindenweg 12 beschieden")
                    .reference("AZ 66-7/2026").build());
            try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox,
                    postbox.addRoutes(ChannelRouter.builder()).build()).workerId("logs").build()) {
                dispatcher.drainOnce();
            }
            zbp.receiveNow();

            assertThat(postbox.outcome(accepted).state()).isEqualTo(ZbpOutcome.State.ACCEPTED);
            assertThat(postbox.outcome(rejected).state()).isEqualTo(ZbpOutcome.State.REJECTED);
            assertThat(postbox.outcome(status).state()).isEqualTo(ZbpOutcome.State.ACCEPTED);
        }
    }

    private static PostboxMessage message(UUID mailbox) {
        return PostboxMessage.builder(mailbox)
                .sender("Stadt Musterstadt")
                .title("Abwassergebühren für Erika Mustermann")
                .plainContent("Grundstück Lindenweg 12: der Bescheid liegt bei.")
                .service("Abwassergebühren")
                .reference("AZ 66-7/2026")
                .retrievalConfirmationAddress("erika.mustermann@example.org")
                .applicationId(APPLICATION)
                .attachment(PostboxAttachment.of("Gebuehrenbescheid_Mustermann.txt",
                        "Erika Mustermann, Lindenweg 12".getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}
