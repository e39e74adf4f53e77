package de.ozgsdk.persistence;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.persistence.internal.BackgroundThread;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker that drains an {@link Outbox}: it claims batches, hands each message to an {@link OutboxDelivery} and marks
 * it delivered, failed (retried later) or dead at once when the delivery calls the failure permanent
 * ({@link OutboxDelivery#isPermanent}). Run {@link #drainOnce()} from your own scheduler, or {@link #start()} it on a thread of its
 * own, which polls every {@code pollInterval} while the outbox is empty.
 *
 * <p>It never sends on an expired lease: a delivery starts only while the lease lasts longer than
 * {@code sendTimeout}, the longest a delivery may take (make the channel give up by then: HTTP call and read
 * timeouts, retries included), so every send ends while its lease holds. The messages of a batch left when the lease
 * gets too short are released unsent, at once due for any worker and without using an attempt; so choose
 * {@code leaseDuration} of about {@code batchSize} times the usual send time, and at least twice {@code sendTimeout}.
 *
 * <p>It claims a batch in one statement but marks each message delivered right after its send, not the batch at the
 * end with {@link Outbox#markDelivered(List)}: a crash between a send and its mark then repeats at most that
 * one message, where a batch mark would repeat every message sent since the claim (up to {@code batchSize} per crash).
 * One auto-commit UPDATE per message is small next to the send itself.
 *
 * <pre>{@code
 * try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, message -> channel.send(message))
 *         .workerId("portal-1").build().start()) {
 *     portal.awaitShutdown(); // meanwhile the dispatcher delivers on a thread of its own
 * }
 * }</pre>
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Outbox outbox;
    private final OutboxDelivery delivery;
    private final String workerId;
    private final int batchSize;
    private final Duration leaseDuration;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Clock clock;
    private BackgroundThread background;
    private volatile boolean closed;

    private OutboxDispatcher(Builder builder) {
        this.outbox = builder.outbox;
        this.delivery = builder.delivery;
        this.workerId = builder.workerId;
        this.batchSize = builder.batchSize;
        this.leaseDuration = builder.leaseDuration;
        this.pollInterval = builder.pollInterval;
        this.sendTimeout = builder.sendTimeout;
        this.clock = builder.outbox.clock();
    }

    /** Starts a dispatcher that delivers the messages of {@code outbox} with {@code delivery}. */
    public static Builder builder(Outbox outbox, OutboxDelivery delivery) {
        return new Builder(outbox, delivery);
    }

    /** This worker's id, as stored in the lease. */
    public String workerId() {
        return workerId;
    }

    /**
     * Claims one batch and handles every message in it; returns how many were claimed (0 when nothing is due).
     * A message whose lease no longer lasts longer than {@code sendTimeout} when its turn comes is not sent but
     * released ({@link Outbox#release}), since its send could end after the lease, when another worker may own it.
     */
    public int drainOnce() {
        List<ClaimedMessage> batch = outbox.claim(workerId, batchSize, leaseDuration);
        int released = 0;
        for (ClaimedMessage message : batch) {
            if (outbox.leaseLasts(message, sendTimeout)) {
                handle(message);
            } else if (outbox.release(message.id(), message.leaseToken())) {
                released++;
            }
        }
        if (released > 0) {
            LOG.info("outbox dispatcher {} released {} of {} claimed messages unsent: their lease would have run out"
                    + " during the send (lease {}, sendTimeout {})", workerId, released, batch.size(), leaseDuration,
                    sendTimeout);
        }
        return batch.size();
    }

    /**
     * Starts draining on a daemon thread of its own, named {@code ozg-outbox-<workerId>}; returns this dispatcher, to
     * close at shutdown.
     *
     * @throws IllegalStateException if it was started or closed before
     */
    public synchronized OutboxDispatcher start() {
        if (closed) {
            throw new IllegalStateException("dispatcher " + workerId + " is closed; build a new one to start again");
        }
        if (background != null) {
            throw new IllegalStateException("dispatcher " + workerId + " already started");
        }
        background = BackgroundThread.start("ozg-outbox-" + workerId, this::drainUntilEmpty, pollInterval);
        return this;
    }

    /**
     * Stops the thread started by {@link #start()}: it claims no further batch, finishes the messages of the batch in
     * hand, and ends; waits up to {@link BackgroundThread#STOP_TIMEOUT ten seconds} for that, then interrupts, leaving
     * unfinished leases to run out. Safe to call twice, before {@link #start()}, and from inside a delivery (which then
     * returns at once).
     */
    @Override
    public void close() {
        BackgroundThread running;
        synchronized (this) {
            closed = true;
            running = background;
        }
        if (running != null) {
            running.close();
        }
    }

    private void drainUntilEmpty() {
        try {
            while (!closed && !Thread.currentThread().isInterrupted() && drainOnce() > 0) {
                // keep going while there is work; pause for pollInterval once the outbox is empty
            }
        } catch (RuntimeException e) {
            // The schedule must survive a database outage; the next poll tries again.
            LOG.warn("outbox dispatcher {} failed to claim, retrying after the poll interval: {}", workerId,
                    e.getMessage());
        }
    }

    private void handle(ClaimedMessage message) {
        try {
            delivery.deliver(message);
            if (!clock.instant().isBefore(message.leaseUntil())) {
                LOG.warn("delivery of outbox entry {} ended after its lease ran out: it took longer than sendTimeout"
                        + " ({}); make the channel give up within it", message.id(), sendTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            markFailed(message, e);
            return;
        } catch (Exception e) {
            markFailed(message, e);
            return;
        }
        try {
            outbox.markDelivered(message.id(), message.leaseToken());
        } catch (ConflictException e) {
            LOG.warn("outbox entry {} was delivered but its lease was taken over; it may be delivered again",
                    message.id());
        }
    }

    private void markFailed(ClaimedMessage message, Exception error) {
        try {
            if (delivery.isPermanent(error)) {
                outbox.markDead(message.id(), message.leaseToken(), error);
                return;
            }
            outbox.markFailed(message.id(), message.leaseToken(), error);
        } catch (ConflictException e) {
            LOG.info("outbox entry {} failed, but its lease was taken over already", message.id());
        }
    }

    /** Configures an {@link OutboxDispatcher}. */
    public static final class Builder {
        private final Outbox outbox;
        private final OutboxDelivery delivery;
        private String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        private int batchSize = 50;
        private Duration leaseDuration = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration sendTimeout = Duration.ofMinutes(1);

        private Builder(Outbox outbox, OutboxDelivery delivery) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            this.delivery = Objects.requireNonNull(delivery, "delivery");
        }

        /** The id stored with each lease, e.g. host name plus thread (default: {@code worker-} and a random part). */
        public Builder workerId(String workerId) {
            OutboxMessage.validate("workerId", workerId);
            this.workerId = workerId;
            return this;
        }

        /** How many messages one claim takes, 1 to 10000 (default 50). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "batchSize", "between 1 and 10000");
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * How long a claimed batch stays reserved, at least 1 s and longer than {@link #sendTimeout} (default 5 min);
         * make it about as long as the delivery of a whole batch takes, or the rest of a batch is released unsent.
         */
        public Builder leaseDuration(Duration leaseDuration) {
            Objects.requireNonNull(leaseDuration, "leaseDuration");
            if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "leaseDuration",
                        "at least 1 second");
            }
            this.leaseDuration = leaseDuration;
            return this;
        }

        /** Pause between polls while the outbox is empty, at least 10 ms (default 1 s). */
        public Builder pollInterval(Duration pollInterval) {
            Objects.requireNonNull(pollInterval, "pollInterval");
            if (pollInterval.toMillis() < 10) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "pollInterval", "at least 10 ms");
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * The longest one delivery may take, at least 1 ms (default 1 min): a message is sent only while its lease
         * lasts longer than this, so the delivery must give up within it (its connect, read and call timeouts and
         * retries together). A delivery that overruns it is logged; it may then overlap with another worker's.
         */
        public Builder sendTimeout(Duration sendTimeout) {
            Objects.requireNonNull(sendTimeout, "sendTimeout");
            if (sendTimeout.toMillis() < 1) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "sendTimeout", "at least 1 ms");
            }
            this.sendTimeout = sendTimeout;
            return this;
        }

        /** The dispatcher; refuses a lease that is not longer than the send timeout, since nothing could be sent. */
        public OutboxDispatcher build() {
            if (leaseDuration.compareTo(sendTimeout) <= 0) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "leaseDuration",
                        "longer than sendTimeout (" + sendTimeout + "), or no delivery could start");
            }
            return new OutboxDispatcher(this);
        }
    }
}
