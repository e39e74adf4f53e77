package de.ozgsdk.transfer;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.persistence.ClaimedMessage;
import de.ozgsdk.persistence.OutboxDelivery;
import de.ozgsdk.persistence.OutboxDispatcher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link OutboxDelivery} (for an {@link OutboxDispatcher}) that sends outbox entries through
 * {@link SubmissionChannel}s: each entry's destination names a route, its idempotency key is the submission id, its
 * payload the application message. Retryable failures become outbox retries (with the outbox's backoff, {@code DEAD}
 * after its maximum attempts); permanent ones are dead-lettered at once with the coded message as the reason.
 *
 * <pre>{@code
 * ChannelRouter router = ChannelRouter.builder()
 *         .route("koeln-buergeramt", HttpsChannel.builder(intakeUrl, tls).build())
 *         .route("bonn-meldewesen", FileDropChannel.create(dropDirectory))
 *         .onReceipt((destination, receipt) -> receipts.add(destination + " " + receipt.submissionId()))
 *         .build();
 * db.runInTransaction(conn -> outbox.enqueue(conn,
 *         OutgoingApplication.write(message, writer).toOutboxMessage("koeln-buergeramt")));
 * try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, router).workerId("portal-1").build()) {
 *     dispatcher.drainOnce(); // or start() it on a thread of its own
 * }
 * }</pre>
 *
 * <p>Which failures are permanent ({@link #isPermanent}): a {@link RemoteSystemException} that is not
 * {@link RemoteSystemException#retryable() retryable}, and an {@link InvalidInputException} (an entry that no channel
 * can ever send, such as a key that is no valid submission id). Everything else, including unexpected runtime
 * exceptions of a channel, is retried. Thread-safe if its channels and receipt handler are.
 */
public final class ChannelRouter implements OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRouter.class);
    private static final Pattern DESTINATION = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

    private final Map<String, SubmissionChannel> routes;
    private final ReceiptHandler receiptHandler;

    private ChannelRouter(Builder builder) {
        this.routes = Map.copyOf(builder.routes);
        this.receiptHandler = builder.receiptHandler;
    }

    /** Starts a router without routes. */
    public static Builder builder() {
        return new Builder();
    }

    /** The destinations this router has a channel for. */
    public Set<String> destinations() {
        return routes.keySet();
    }

    /**
     * Sends the entry through the channel of its destination and hands the receipt to the receipt handler; returns
     * when the receiver holds the application.
     *
     * @throws RemoteSystemException if the channel failed, or no channel is configured for the destination
     *     (permanent)
     */
    @Override
    public void deliver(ClaimedMessage message) throws Exception {
        SubmissionChannel channel = routes.get(message.destination());
        if (channel == null) {
            throw RemoteSystemException.builder(TransferError.NO_CHANNEL_FOR_DESTINATION, "transfer")
                    .side(RemoteSystemException.Side.LOCAL)
                    .arguments(message.destination(), message.idempotencyKey(), String.join(", ", routes.keySet()))
                    .build();
        }
        OutgoingApplication application = OutgoingApplication.of(message.idempotencyKey(), message.payload());
        Receipt receipt = channel.send(application);
        LOG.info("submission {} delivered to {} (attempt {}{})", application.submissionId(), message.destination(),
                message.attempt(), receipt.alreadyDelivered() ? ", the receiver held it already" : "");
        receiptHandler.accept(message.destination(), receipt);
    }

    /** Whether {@code failure} is permanent: a non-retryable {@link RemoteSystemException} or invalid input. */
    @Override
    public boolean isPermanent(Exception failure) {
        if (failure instanceof RemoteSystemException remote) {
            return !remote.retryable();
        }
        return failure instanceof InvalidInputException;
    }

    /** Receives the receipt of each delivered application, e.g. to store it with the application. */
    @FunctionalInterface
    public interface ReceiptHandler {

        /**
         * Takes the receipt of an application delivered to {@code destination}. Throwing makes the outbox entry fail
         * and be sent again; the receiver then reports the repeat ({@link Receipt#alreadyDelivered()}).
         */
        void accept(String destination, Receipt receipt) throws Exception;
    }

    /** Configures a {@link ChannelRouter}. */
    public static final class Builder {
        private final Map<String, SubmissionChannel> routes = new LinkedHashMap<>();
        private ReceiptHandler receiptHandler = (destination, receipt) -> { };

        private Builder() {
        }

        /**
         * Sends the outbox entries whose destination is {@code destination} through {@code channel}.
         *
         * @throws InvalidInputException if the name is not a valid outbox destination or is routed already
         */
        public Builder route(String destination, SubmissionChannel channel) {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(channel, "channel");
            if (!DESTINATION.matcher(destination).matches()) {
                throw new InvalidInputException(TransferError.ROUTE_INVALID, destination.replaceAll("\\p{Cntrl}", "?"),
                        "not 1 to 200 characters of A-Z, a-z, 0-9, . _ : / -");
            }
            if (routes.putIfAbsent(destination, channel) != null) {
                throw new InvalidInputException(TransferError.ROUTE_INVALID, destination, "routed twice");
            }
            return this;
        }

        /** The handler of every receipt (default: none; the delivery is logged with the submission id either way). */
        public Builder onReceipt(ReceiptHandler handler) {
            this.receiptHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        public ChannelRouter build() {
            return new ChannelRouter(this);
        }
    }
}
