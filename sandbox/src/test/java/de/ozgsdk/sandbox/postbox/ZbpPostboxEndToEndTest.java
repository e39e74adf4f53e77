package de.ozgsdk.sandbox.postbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.postbox.ApplicationStatus;
import de.ozgsdk.postbox.PostboxAttachment;
import de.ozgsdk.postbox.PostboxError;
import de.ozgsdk.postbox.PostboxMessage;
import de.ozgsdk.postbox.StatusUpdate;
import de.ozgsdk.postbox.ZbpOutcome;
import de.ozgsdk.postbox.ZbpPostbox;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ozg-postbox's {@link ZbpPostbox} against the ZBP mock, over sockets: outbox → FIT-Connect sender → the FIT-Connect
 * sandbox's delivery service → the ZBP mock as the subscriber of the ZBP destination, which checks everything and
 * accepts or rejects; the sender reads the outcome from the event log.
 */
class ZbpPostboxEndToEndTest {

    static final UUID ZBP_DESTINATION = UUID.randomUUID();
    static final UUID ERIKA = UUID.fromString("0d7f3c1e-8a5b-4f6e-9c2d-1b3a4e5f6a7b");
    static final UUID UNKNOWN = UUID.fromString("9e8d7c6b-5a49-4838-a726-15f4e3d2c1b0");
    static final PrivateKeyCredential AUTHOR = Authors.generate("Stadt Musterstadt Postfach");

    static FitConnectSandbox fitConnect;
    static ZbpSandbox zbp;
    static Database database;
    static Outbox outbox;
    static ZbpPostbox postbox;
    static OutboxDispatcher dispatcher;

    @BeforeAll
    static void start() {
        fitConnect = FitConnectSandbox.builder()
                .sender("portal", "portal-secret")
                .subscriber("zbp", "zbp-secret", ZBP_DESTINATION)
                .start();
        zbp = ZbpSandbox.builder()
                .fitConnect(fitConnect, ZBP_DESTINATION, "zbp", "zbp-secret")
                .persona(ERIKA, "Erika Mustermann")
                .author(AUTHOR.certificate())
                .autoReceive(false)
                .start();
        database = Database.h2InMemory("zbp_e2e_" + UUID.randomUUID().toString().replace("-", ""));
        outbox = Outbox.builder(database).backoffBase(Duration.ofMillis(1)).backoffCap(Duration.ofMillis(1)).build();
        postbox = postbox(AUTHOR, Clock.systemUTC());
        dispatcher = OutboxDispatcher.builder(outbox, postbox.addRoutes(ChannelRouter.builder()).build())
                .workerId("e2e").build();
    }

    @AfterAll
    static void stop() {
        dispatcher.close();
        zbp.close();
        fitConnect.close();
        database.close();
    }

    static FitConnectConfig config() {
        return FitConnectConfig.builder()
                .tokenEndpoint(fitConnect.tokenUrl())
                .client("portal", "portal-secret")
                .submissionApi(fitConnect.baseUrl())
                .trustAnchors(TrustedCertificates.of(List.of(fitConnect.trustAnchor())))
                .build();
    }

    static ZbpPostbox postbox(PrivateKeyCredential author, Clock clock) {
        return postbox(database, outbox, author, clock);
    }

    static ZbpPostbox postbox(Database db, Outbox queue, PrivateKeyCredential author, Clock clock) {
        return ZbpPostbox.builder(config(), FitConnectLedger.of(db, Clock.systemUTC()), queue)
                .destination(ZBP_DESTINATION, URI.create(ZbpSandbox.ENVELOPE_SCHEMA))
                .author(author)
                .clock(clock)
                .build();
    }

    static PostboxMessage.Builder message(UUID mailbox) {
        return PostboxMessage.builder(mailbox)
                .sender("Stadt Musterstadt, Bürgeramt")
                .title("Ihr Bescheid zum Anwohnerparken")
                .htmlContent("<p>Ihr Antrag ist <b>bewilligt</b>."
                        + " <a href=\"https://stadt.example/parken\">Mehr</a></p>")
                .service("Anwohnerparkausweis")
                .trustLevel(TrustLevel.SUBSTANTIAL);
    }

    /** The dispatcher sends what is due; the ZBP picks up and decides. */
    static void deliver() {
        dispatcher.drainOnce();
        zbp.receiveNow();
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] png() {
        return Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    }

    @Test
    void aMessageWithoutAttachmentsArrivesInThePersonasPostbox() throws Exception {
        UUID applicationId = UUID.randomUUID();
        String id = postbox.send(message(ERIKA).applicationId(applicationId).reference("AZ 32-1/2026").build());

        assertThat(postbox.outcome(id).state()).isEqualTo(ZbpOutcome.State.NOT_SENT);
        deliver();

        assertThat(postbox.outcome(id).state()).isEqualTo(ZbpOutcome.State.ACCEPTED);
        ZbpMessage received = zbp.inbox(ERIKA).stream()
                .filter(message -> message.applicationId().equals(Optional.of(applicationId)))
                .findFirst().orElseThrow();
        assertThat(received.title()).isEqualTo("Ihr Bescheid zum Anwohnerparken");
        assertThat(received.content()).contains("<b>bewilligt</b>").contains("href=\"https://stadt.example/parken\"");
        assertThat(received.storkQaaLevel()).isEqualTo(3);
        assertThat(received.reference()).contains("AZ 32-1/2026");
        assertThat(received.attachments()).isEmpty();
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(zbp.uri("/postfach/" + ERIKA)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Postfach von Erika Mustermann").contains("Ihr Bescheid zum Anwohnerparken");
    }

    @Test
    void aMessageWithAttachmentsArrivesWithTheirBytes() {
        String id = postbox.send(message(ERIKA).title("Bescheid mit Anlagen")
                .attachment(PostboxAttachment.of("Bescheid: Parken.pdf", pdf()))
                .attachment(PostboxAttachment.of("Lageplan.png", png()))
                .build());

        deliver();

        assertThat(postbox.outcome(id).state()).isEqualTo(ZbpOutcome.State.ACCEPTED);
        ZbpMessage received = zbp.inbox(ERIKA).stream().filter(m -> m.title().equals("Bescheid mit Anlagen"))
                .findFirst().orElseThrow();
        assertThat(received.attachments()).extracting(ZbpMessage.Attachment::filename)
                .containsExactly("Bescheid_ Parken.pdf", "Lageplan.png");
        assertThat(received.attachments()).extracting(ZbpMessage.Attachment::mediaType)
                .containsExactly("application/pdf", "image/png");
        assertThat(received.attachments().get(0).content()).isEqualTo(pdf());
        assertThat(received.attachments().get(1).content()).isEqualTo(png());
    }

    @ParameterizedTest
    @EnumSource(ApplicationStatus.class)
    void everyStatusValueReachesTheStatusmonitor(ApplicationStatus status) {
        UUID applicationId = UUID.randomUUID();
        Instant reached = Instant.parse("2026-12-07T10:15:30Z");
        String id = postbox.status(StatusUpdate.builder(applicationId, status)
                .publicServiceName("Anwohnerparkausweis beantragen")
                .senderName("Stadt Musterstadt, Bürgeramt")
                .createdDate(reached)
                .statusDetails("Stand: " + status)
                .build());

        deliver();

        assertThat(postbox.outcome(id).state()).isEqualTo(ZbpOutcome.State.ACCEPTED);
        assertThat(zbp.statusUpdates(applicationId)).singleElement().satisfies(update -> {
            assertThat(update.status()).isEqualTo(status.name());
            assertThat(update.createdDate()).isEqualTo(reached);
            assertThat(update.publicServiceName()).isEqualTo("Anwohnerparkausweis beantragen");
            assertThat(update.statusDetails()).contains("Stand: " + status);
        });
    }

    @Test
    void aMessageToAnUnknownPostboxIsRejectedWithTheProblem() {
        String id = postbox.send(message(UNKNOWN).build());

        deliver();

        ZbpOutcome outcome = postbox.outcome(id);
        assertThat(outcome.state()).isEqualTo(ZbpOutcome.State.REJECTED);
        assertThat(outcome.reason().orElseThrow()).contains("no postbox has the mailboxUuid");
        assertThat(zbp.inbox(UNKNOWN)).isEmpty();
    }

    /** Sends one message from another node (own outbox) whose envelopes {@code author} signs on {@code clock}. */
    static ZbpOutcome sendFromOtherNode(PrivateKeyCredential author, Clock clock, PostboxMessage message) {
        try (Database other = Database.h2InMemory("zbp_node_" + UUID.randomUUID().toString().replace("-", ""))) {
            Outbox otherOutbox = Outbox.builder(other).build();
            ZbpPostbox node = postbox(other, otherOutbox, author, clock);
            String id = node.send(message);
            try (OutboxDispatcher otherDispatcher = OutboxDispatcher.builder(otherOutbox,
                    node.addRoutes(ChannelRouter.builder()).build()).workerId("other").build()) {
                otherDispatcher.drainOnce();
            }
            zbp.receiveNow();
            return node.outcome(id);
        }
    }

    @Test
    void anEnvelopeOfAnUnregisteredAuthorIsRejected() {
        ZbpOutcome outcome = sendFromOtherNode(Authors.generate("Unbekannte Behörde"), Clock.systemUTC(),
                message(ERIKA).title("Fremder Absender").build());

        assertThat(outcome.state()).isEqualTo(ZbpOutcome.State.REJECTED);
        assertThat(outcome.reason().orElseThrow()).contains("not registered");
        assertThat(zbp.inbox(ERIKA)).noneMatch(message -> message.title().equals("Fremder Absender"));
    }

    @Test
    void anExpiredAuthorTokenIsRejected() {
        ZbpOutcome outcome = sendFromOtherNode(AUTHOR, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-31)),
                message(ERIKA).title("Veraltetes Token").build());

        assertThat(outcome.reason().orElseThrow()).contains("author token is not valid now");
    }

    @Test
    void everyLimitIsRefusedBeforeAnythingIsSent() {
        long before = fitConnect.records().total();
        List<UnaryOperator<PostboxMessage.Builder>> violations = List.of(
                builder -> builder.attachment(PostboxAttachment.of("a.pdf", new byte[0])),
                builder -> builder.attachment(PostboxAttachment.of("gross.pdf", Arrays.copyOf(pdf(),
                        PostboxMessage.MAX_ATTACHMENT_BYTES + 1))),
                builder -> builder.attachment(PostboxAttachment.of("makro.docm", pdf())),
                builder -> builder.attachment(PostboxAttachment.of("bild.pdf", png())),
                builder -> {
                    for (int i = 0; i < 6; i++) {
                        builder.attachment(PostboxAttachment.of("anlage" + i + ".pdf", pdf()));
                    }
                    return builder;
                });
        List<PostboxError> expected = List.of(PostboxError.ATTACHMENT_EMPTY, PostboxError.ATTACHMENT_TOO_LARGE,
                PostboxError.ATTACHMENT_TYPE_NOT_ALLOWED, PostboxError.ATTACHMENT_CONTENT_MISMATCH,
                PostboxError.TOO_MANY_ATTACHMENTS);

        for (int i = 0; i < violations.size(); i++) {
            PostboxMessage.Builder builder = violations.get(i).apply(message(ERIKA));
            PostboxError code = expected.get(i);
            assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.code()).isEqualTo(code);
                assertThat(e.userMessage(Locale.GERMAN)).containsAnyOf("Anlage", "Anlagen");
            });
        }
        assertThatThrownBy(() -> message(ERIKA).title("x".repeat(1025))).hasMessageContaining("1..1024");
        assertThat(fitConnect.records().total()).as("requests to the delivery service").isEqualTo(before);
    }
}
