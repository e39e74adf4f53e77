package de.ozgsdk.sandbox.postbox;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.postbox.ApplicationStatus;
import de.ozgsdk.postbox.PortalPostbox;
import de.ozgsdk.postbox.PostboxAttachment;
import de.ozgsdk.postbox.PostboxMessage;
import de.ozgsdk.postbox.StatusUpdate;
import de.ozgsdk.sandbox.Answer;
import de.ozgsdk.sandbox.MockRequest;
import de.ozgsdk.sandbox.MockServer;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.transfer.ChannelRouter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PortalPostbox} against a portal's postbox over HTTPS with mutual TLS: the postbox is a mock of the shape that
 * demands a client certificate of its PKI, keeps each JSON message by its {@code Idempotency-Key} and answers a repeat
 * with 409, as the receiver's contract of TRANSFER.md says.
 */
class PortalPostboxEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OwnPostbox server;
    private Database database;
    private Outbox outbox;
    private PortalPostbox postbox;
    private OutboxDispatcher dispatcher;

    /** A portal's own postbox: POST /api/messages and /api/status with JSON, mutual TLS. */
    static final class OwnPostbox extends MockServer {
        final Map<String, JsonNode> held = new ConcurrentHashMap<>();

        private OwnPostbox(Builder builder) {
            super(builder, "own-postbox", List.of());
        }

        @Override
        protected Answer handle(MockRequest request) {
            String key = request.header("Idempotency-Key").orElse("");
            if (!request.method().equals("POST") || !request.path().startsWith("/api/") || key.isEmpty()) {
                return Answer.status(400);
            }
            if (!request.header("Content-Type").orElse("").startsWith("application/json")) {
                return Answer.status(415);
            }
            if (held.putIfAbsent(key, JSON.readTree(request.body())) != null) {
                return Answer.status(409);
            }
            return Answer.json(201, "{\"received\":\"" + key + "\"}");
        }

        static final class Builder extends MockServer.Builder<Builder, OwnPostbox> {
            @Override
            protected OwnPostbox build() {
                return new OwnPostbox(this);
            }
        }
    }

    @BeforeEach
    void start() {
        server = new OwnPostbox.Builder().https().requireClientCertificate().start();
        database = Database.h2InMemory("portal_postbox_" + UUID.randomUUID().toString().replace("-", ""));
        outbox = Outbox.builder(database).build();
        postbox = PortalPostbox.builder(server.uri("/api/messages"), server.uri("/api/status"),
                HttpClientConfig.builder().clientCredential(server.pki().issueClient("portal"))
                        .trustedCertificates(server.serverTrust()).build(), outbox).build();
        dispatcher = OutboxDispatcher.builder(outbox, postbox.addRoutes(ChannelRouter.builder()).build())
                .workerId("portal").build();
    }

    @AfterEach
    void stop() {
        dispatcher.close();
        server.close();
        database.close();
    }

    @Test
    void postsTheMessageWithItsAttachmentsAsJsonOverMutualTls() {
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        UUID mailbox = UUID.randomUUID();
        String id = postbox.send(PostboxMessage.builder(mailbox).sender("Stadt Musterstadt").title("Bescheid")
                .plainContent("Ihr Bescheid liegt bei.").service("Anwohnerparken")
                .attachment(PostboxAttachment.of("Bescheid.pdf", pdf)).build());

        dispatcher.drainOnce();

        assertThat(outbox.findByIdempotencyKey(id).orElseThrow().status()).isEqualTo(OutboxStatus.DELIVERED);
        JsonNode received = server.held.get(id);
        assertThat(received.path("messageId").asString()).isEqualTo(id);
        assertThat(received.path("mailboxUuid").asString()).isEqualTo(mailbox.toString());
        assertThat(received.path("content").asString()).isEqualTo("<p>Ihr Bescheid liegt bei.</p>");
        JsonNode attachment = received.path("attachments").get(0);
        assertThat(attachment.path("filename").asString()).isEqualTo("Bescheid.pdf");
        assertThat(attachment.path("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(Base64.getDecoder().decode(attachment.path("content").asString())).isEqualTo(pdf);
    }

    @Test
    void postsStatusUpdatesToTheStatusEndpoint() {
        UUID applicationId = UUID.randomUUID();
        String id = postbox.status(StatusUpdate.builder(applicationId, ApplicationStatus.COMPLETED)
                .publicServiceName("Anwohnerparken").senderName("Stadt Musterstadt")
                .createdDate(Instant.parse("2026-12-07T10:00:00Z")).build());

        dispatcher.drainOnce();

        assertThat(server.held.get(id).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(server.held.get(id).path("publicServiceName").path("de").asString()).isEqualTo("Anwohnerparken");
        assertThat(server.records().of("POST", "/api/status")).hasSize(1);
    }

    @Test
    void aClientWithoutACertificateOfThePostboxPkiIsRefusedAndTheMessageStaysInTheOutbox() {
        PortalPostbox stranger = PortalPostbox.builder(server.uri("/api/messages"), server.uri("/api/status"),
                HttpClientConfig.builder().clientCredential(SandboxPki.generate().issueClient("fremd"))
                        .trustedCertificates(server.serverTrust()).maxRetries(0).build(), outbox).build();
        String id = stranger.send(PostboxMessage.builder(UUID.randomUUID()).sender("Stadt Musterstadt")
                .title("Bescheid").plainContent("Text").service("Anwohnerparken").build());

        try (OutboxDispatcher strangerDispatcher = OutboxDispatcher.builder(outbox,
                stranger.addRoutes(ChannelRouter.builder()).build()).workerId("stranger").build()) {
            strangerDispatcher.drainOnce();
        }

        assertThat(outbox.findByIdempotencyKey(id).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(server.held).doesNotContainKey(id);
    }
}
