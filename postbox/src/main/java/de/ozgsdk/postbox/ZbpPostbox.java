package de.ozgsdk.postbox;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxMessage;
import de.ozgsdk.postbox.internal.Envelope;
import de.ozgsdk.postbox.internal.Json;
import de.ozgsdk.postbox.internal.Parcel;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.transfer.fitconnect.FitConnectAttachment;
import de.ozgsdk.transfer.fitconnect.FitConnectChannel;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import de.ozgsdk.transfer.fitconnect.FitConnectTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BundID postbox (Zentrales Bürgerpostfach, ZBP) reached through FIT-Connect: a message becomes a submission of
 * service type {@value #MESSAGE_SERVICE}, a status update one of {@value #STATUS_SERVICE}, each with a signed envelope
 * as data (RSA-SHA512 signature over the content, RS512 author token, author certificate) and the message's
 * attachments as FIT-Connect attachments.
 *
 * <p>{@link #send} and {@link #status} only enqueue in the outbox (in the caller's transaction with
 * {@link #send(Connection, PostboxMessage)}); the outbox dispatcher sends through the two {@link FitConnectChannel}s
 * this postbox adds to a {@link ChannelRouter}, whose ledger makes the delivery exactly once across crashes. The
 * envelope is signed when it is sent, so its author token (valid 30 minutes) is fresh on every attempt.
 * {@link #outcome} reads the event log: pending, accepted or rejected by the ZBP.
 *
 * <pre>{@code
 * ZbpPostbox zbp = ZbpPostbox.builder(fitConnect, FitConnectLedger.of(db, clock), outbox)
 *         .destination(zbpDestinationId, envelopeSchema)
 *         .author(PrivateKeyCredential.fromPkcs12(configDir.resolve("postbox-author.p12"), password))
 *         .build();
 * ChannelRouter router = zbp.addRoutes(ChannelRouter.builder()).build(); // the dispatcher delivers through it
 * String messageId = zbp.send(message); // enqueued
 * // ... after the dispatcher ran:
 * ZbpOutcome outcome = zbp.outcome(messageId); // PENDING, then ACCEPTED or REJECTED
 * }</pre>
 */
public final class ZbpPostbox implements Postbox {

    /** The FIT-Connect service type of a message. */
    public static final String MESSAGE_SERVICE = "urn:schema-fitko-de:fit-connect:id.bund.de:message_v6";
    /** The FIT-Connect service type of a status update. */
    public static final String STATUS_SERVICE = "urn:schema-fitko-de:fit-connect:id.bund.de:status_v6";
    /** The outbox destination of messages (route it to {@link #messageChannel()}). */
    public static final String MESSAGES = "zbp:messages";
    /** The outbox destination of status updates (route it to {@link #statusChannel()}). */
    public static final String STATUS_UPDATES = "zbp:status";

    private static final Logger LOG = LoggerFactory.getLogger(ZbpPostbox.class);

    private final Outbox outbox;
    private final FitConnectLedger ledger;
    private final PrivateKeyCredential author;
    private final Clock clock;
    private final FitConnectChannel messages;
    private final FitConnectChannel statusUpdates;

    private ZbpPostbox(Builder builder) {
        this.outbox = builder.outbox;
        this.ledger = builder.ledger;
        this.author = builder.author;
        this.clock = builder.clock;
        Envelope.check(author, clock.instant());
        this.messages = FitConnectChannel.builder(builder.config, ledger, FitConnectTarget.json(builder.destinationId,
                        MESSAGE_SERVICE, "Nachricht an das Bürgerpostfach", builder.envelopeSchema))
                .data(this::envelope)
                .attachments(ZbpPostbox::attachments)
                .build();
        this.statusUpdates = FitConnectChannel.builder(builder.config, ledger, FitConnectTarget.json(
                        builder.destinationId, STATUS_SERVICE, "Statusmeldung an den Statusmonitor",
                        builder.envelopeSchema))
                .data(this::envelope)
                .build();
    }

    /** Starts a ZBP postbox sending with {@code config}, recording in {@code ledger}, enqueueing in {@code outbox}. */
    public static Builder builder(FitConnectConfig config, FitConnectLedger ledger, Outbox outbox) {
        return new Builder(config, ledger, outbox);
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
        Parcel parcel = new Parcel("status", Json.MAPPER.writeValueAsString(Json.status(update)), List.of());
        outbox.enqueue(OutboxMessage.of(id, STATUS_UPDATES, parcel.write()));
        LOG.info("postbox status update {} ({}) enqueued for the ZBP", id, update.status());
        return id;
    }

    private String enqueue(Connection connection, PostboxMessage message) {
        String id = message.messageId().toString();
        List<Parcel.Part> parts = message.attachments().stream()
                .map(a -> new Parcel.Part(a.filename(), a.mediaType(), a.content()))
                .toList();
        Parcel parcel = new Parcel("message", Json.MAPPER.writeValueAsString(Json.message(message)), parts);
        OutboxMessage entry = OutboxMessage.of(id, MESSAGES, parcel.write());
        if (connection == null) {
            outbox.enqueue(entry);
        } else {
            outbox.enqueue(connection, entry);
        }
        LOG.info("postbox message {} with {} attachments enqueued for the ZBP", id, parts.size());
        return id;
    }

    /** The channel of {@value #MESSAGES}. */
    public FitConnectChannel messageChannel() {
        return messages;
    }

    /** The channel of {@value #STATUS_UPDATES}. */
    public FitConnectChannel statusChannel() {
        return statusUpdates;
    }

    /** Adds the routes of {@value #MESSAGES} and {@value #STATUS_UPDATES} to {@code router}. */
    public ChannelRouter.Builder addRoutes(ChannelRouter.Builder router) {
        return router.route(MESSAGES, messages).route(STATUS_UPDATES, statusUpdates);
    }

    /**
     * Where the message or status update with this id stands: read from the FIT-Connect event log, the ZBP's
     * acceptance checked against the authentication tags sent.
     *
     * @throws de.ozgsdk.core.SecurityCheckException if an event fails its check
     */
    public ZbpOutcome outcome(String id) {
        if (ledger.find(id).isEmpty()) {
            return new ZbpOutcome(ZbpOutcome.State.NOT_SENT, Optional.empty());
        }
        try {
            return messages.acceptance(id).isPresent() ? new ZbpOutcome(ZbpOutcome.State.ACCEPTED, Optional.empty())
                    : new ZbpOutcome(ZbpOutcome.State.PENDING, Optional.empty());
        } catch (RemoteSystemException e) {
            if (e.code() == TransferError.FITCONNECT_REJECTED) {
                LOG.warn("postbox {}: the ZBP rejected it", id);
                return new ZbpOutcome(ZbpOutcome.State.REJECTED, Optional.of(e.arguments().get(2)));
            }
            throw e;
        }
    }

    /**
     * Follows the event log until the ZBP accepted or rejected the message (or update), polling with a growing pause
     * of up to 5 seconds; returns the last outcome when {@code timeout} has passed.
     */
    public ZbpOutcome awaitOutcome(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 100;
        ZbpOutcome outcome = outcome(id);
        while (!outcome.decided() && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            pause = Math.min(pause * 2, 5_000);
            outcome = outcome(id);
        }
        return outcome;
    }

    private byte[] envelope(OutgoingApplication application) throws IOException {
        return Envelope.seal(parcel(application).json(), author, clock.instant());
    }

    private static List<FitConnectAttachment> attachments(OutgoingApplication application) {
        try {
            return parcel(application).attachments().stream()
                    .map(part -> FitConnectAttachment.of(part.content(), part.filename(), part.mediaType(),
                            "attachment"))
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException(PostboxError.PAYLOAD_UNREADABLE, e,
                    application.submissionId(), e.getClass().getSimpleName());
        }
    }

    private static Parcel parcel(OutgoingApplication application) throws IOException {
        try (InputStream in = application.open()) {
            return Parcel.read(application.submissionId(), in.readAllBytes());
        }
    }

    @Override
    public String toString() {
        return "ZbpPostbox[" + messages + "]";
    }

    /** Configures a {@link ZbpPostbox}. */
    public static final class Builder {
        private final FitConnectConfig config;
        private final FitConnectLedger ledger;
        private final Outbox outbox;
        private UUID destinationId;
        private URI envelopeSchema;
        private PrivateKeyCredential author;
        private Clock clock = Clock.systemUTC();

        private Builder(FitConnectConfig config, FitConnectLedger ledger, Outbox outbox) {
            this.config = Objects.requireNonNull(config, "config");
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            this.outbox = Objects.requireNonNull(outbox, "outbox");
        }

        /**
         * The ZBP's FIT-Connect destination and the {@code schemaUri} of the envelope it announces for both service
         * types (both from the ZBP's operators; the sender checks them against the destination before each send).
         */
        public Builder destination(UUID id, URI envelopeSchema) {
            this.destinationId = Objects.requireNonNull(id, "id");
            this.envelopeSchema = Objects.requireNonNull(envelopeSchema, "envelopeSchema");
            return this;
        }

        /**
         * The key and certificate that sign the envelopes (registered with the ZBP; load it with
         * {@link PrivateKeyCredential#fromPem} or {@link PrivateKeyCredential#fromPkcs12}).
         */
        public Builder author(PrivateKeyCredential credential) {
            this.author = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /** The clock of the author tokens (default: the system clock in UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The postbox.
         *
         * @throws ConfigurationException if the destination or author is missing ({@code OZG-POSTBOX-121}) or the
         *     author credential cannot sign ({@code OZG-POSTBOX-120})
         */
        public ZbpPostbox build() {
            if (destinationId == null) {
                throw new ConfigurationException(PostboxError.SETTING_INVALID, "destination", "missing");
            }
            if (author == null) {
                throw new ConfigurationException(PostboxError.SETTING_INVALID, "author", "missing");
            }
            return new ZbpPostbox(this);
        }
    }
}
