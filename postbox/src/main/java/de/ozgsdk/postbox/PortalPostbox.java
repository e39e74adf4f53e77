package de.ozgsdk.postbox;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxMessage;
import de.ozgsdk.postbox.internal.Json;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.HttpsChannel;
import java.net.URI;
import java.sql.Connection;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A portal's own postbox, reached over HTTPS with mutual TLS: each message is {@code POST}ed as JSON (the fields of
 * {@code message_v6} plus {@code messageId} and each attachment's {@code mediaType} and base64 {@code content}) to the
 * messages endpoint, each status update (the fields of {@code status_v6} plus {@code updateId}) to the status
 * endpoint, with the id as {@code Idempotency-Key}. Delivery goes through the outbox and transfer's
 * {@link HttpsChannel}, so the receiver's contract is the one of TRANSFER.md: 2xx with a short confirmation when it
 * holds the message, 409 for a key it holds already.
 *
 * <pre>{@code
 * PortalPostbox postbox = PortalPostbox.builder(messagesEndpoint, statusEndpoint, HttpClientConfig.builder()
 *                 .clientCredential(portalCredential)
 *                 .trustedCertificates(postboxServerTrust)
 *                 .build(), outbox)
 *         .build();
 * ChannelRouter router = postbox.addRoutes(ChannelRouter.builder()).build();
 * postbox.send(message); // enqueued; the dispatcher posts it
 * }</pre>
 */
public final class PortalPostbox implements Postbox {

    /** The outbox destination of messages. */
    public static final String MESSAGES = "portal-postbox:messages";
    /** The outbox destination of status updates. */
    public static final String STATUS_UPDATES = "portal-postbox:status";

    private static final Logger LOG = LoggerFactory.getLogger(PortalPostbox.class);

    private final Outbox outbox;
    private final HttpsChannel messages;
    private final HttpsChannel statusUpdates;

    private PortalPostbox(Builder builder) {
        this.outbox = builder.outbox;
        this.messages = channel(builder, builder.messagesEndpoint);
        this.statusUpdates = channel(builder, builder.statusEndpoint);
    }

    private static HttpsChannel channel(Builder builder, URI endpoint) {
        return HttpsChannel.builder(endpoint, builder.config).mediaType("application/json").clock(builder.clock)
                .build();
    }

    /**
     * Starts a portal postbox posting to the two endpoints with {@code config}, which must hold the client
     * certificate for mutual TLS, and enqueueing in {@code outbox}.
     *
     * @throws InvalidInputException if an endpoint is no absolute https URL
     * @throws ConfigurationException if {@code config} has no client certificate
     */
    public static Builder builder(URI messagesEndpoint, URI statusEndpoint, HttpClientConfig config, Outbox outbox) {
        return new Builder(messagesEndpoint, statusEndpoint, config, outbox);
    }

    @Override
    public String send(PostboxMessage message) {
        return enqueue(null, message);
    }

    /** As {@link #send(PostboxMessage)}, in the caller's transaction on {@code connection}. */
    @Override
    public String send(Connection connection, PostboxMessage message) {
        return enqueue(Objects.requireNonNull(connection, "connection"), message);
    }

    @Override
    public String status(StatusUpdate update) {
        String id = update.updateId().toString();
        ObjectNode json = Json.status(update).put("updateId", id);
        outbox.enqueue(OutboxMessage.of(id, STATUS_UPDATES, Json.MAPPER.writeValueAsBytes(json)));
        LOG.info("postbox status update {} ({}) enqueued for the portal postbox", id, update.status());
        return id;
    }

    private String enqueue(Connection connection, PostboxMessage message) {
        String id = message.messageId().toString();
        ObjectNode json = Json.message(message);
        json.put("messageId", id);
        ArrayNode attachments = (ArrayNode) json.get("attachments");
        for (int i = 0; i < message.attachments().size(); i++) {
            PostboxMessage.Attachment attachment = message.attachments().get(i);
            ((ObjectNode) attachments.get(i)).put("mediaType", attachment.mediaType())
                    .put("content", Base64.getEncoder().encodeToString(attachment.content()));
        }
        OutboxMessage entry = OutboxMessage.of(id, MESSAGES, Json.MAPPER.writeValueAsBytes(json));
        if (connection == null) {
            outbox.enqueue(entry);
        } else {
            outbox.enqueue(connection, entry);
        }
        LOG.info("postbox message {} with {} attachments enqueued for the portal postbox", id,
                message.attachments().size());
        return id;
    }

    /** Adds the routes of {@value #MESSAGES} and {@value #STATUS_UPDATES} to {@code router}. */
    public ChannelRouter.Builder addRoutes(ChannelRouter.Builder router) {
        return router.route(MESSAGES, messages).route(STATUS_UPDATES, statusUpdates);
    }

    @Override
    public String toString() {
        return "PortalPostbox[" + messages + ", " + statusUpdates + "]";
    }

    /** Configures a {@link PortalPostbox}. */
    public static final class Builder {
        private final URI messagesEndpoint;
        private final URI statusEndpoint;
        private final HttpClientConfig config;
        private final Outbox outbox;
        private Clock clock = Clock.systemUTC();

        private Builder(URI messagesEndpoint, URI statusEndpoint, HttpClientConfig config, Outbox outbox) {
            this.messagesEndpoint = Objects.requireNonNull(messagesEndpoint, "messagesEndpoint");
            this.statusEndpoint = Objects.requireNonNull(statusEndpoint, "statusEndpoint");
            this.config = Objects.requireNonNull(config, "config");
            this.outbox = Objects.requireNonNull(outbox, "outbox");
        }

        /** The clock of the receipts (default: the system clock in UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public PortalPostbox build() {
            return new PortalPostbox(this);
        }
    }
}
