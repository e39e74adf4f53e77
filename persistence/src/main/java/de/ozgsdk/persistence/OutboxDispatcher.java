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
     * Messages whose lease ran out before their turn are skipped, since another worker may own them by now.
     */
    public int drainOnce() {
        List<ClaimedMessage> batch = outbox.claim(workerId, batchSize, leaseDuration);
        for (ClaimedMessage message : batch) {
            if (!clock.instant().isBefore(message.leaseUntil())) {
                LOG.info("lease of outbox entry {} ran out before delivery; left to the next claim", message.id());
                continue;
            }
            handle(message);
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
         * How long a claimed batch stays reserved, at least 1 s (default 5 min); make it longer than the delivery of a
         * whole batch takes, or messages are skipped and claimed again later.
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

        public OutboxDispatcher build() {
            return new OutboxDispatcher(this);
        }
    }
}
