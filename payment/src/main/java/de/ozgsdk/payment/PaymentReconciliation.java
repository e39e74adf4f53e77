package de.ozgsdk.payment;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles payments whose browser never came back: every REDIRECTED payment unchanged for {@code settleAfter} is read
 * from the payment service by status query and recorded as paid, failed or cancelled; one still open after
 * {@code expireAfter} (and a CREATED one that never reached the pay page) becomes EXPIRED. Run it by a scheduler
 * of the portal ({@link #reconcile()}) or on its own daemon thread ({@link #start(Duration)}).
 *
 * <pre>{@code
 * PaymentReconciliation reconciliation = PaymentReconciliation.of(payments, Duration.ofMinutes(15),
 *         Duration.ofHours(2));
 * reconciliation.start(Duration.ofMinutes(5)); // close() at shutdown
 * }</pre>
 */
public final class PaymentReconciliation implements AutoCloseable {

    /** Payments per state read in one pass. */
    static final int BATCH = 200;

    private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final Payments payments;
    private final Duration settleAfter;
    private final Duration expireAfter;
    private ScheduledExecutorService scheduler;

    /** What one pass did. */
    public record Summary(int settled, int expired, int stillOpen, int failed) {
    }

    private PaymentReconciliation(Payments payments, Duration settleAfter, Duration expireAfter) {
        this.payments = payments;
        this.settleAfter = settleAfter;
        this.expireAfter = expireAfter;
    }

    /**
     * A reconciliation of {@code payments}.
     *
     * @param settleAfter how long a REDIRECTED payment is left to the browser's return before it is asked for
     *     (e.g. 15 minutes)
     * @param expireAfter after how long an open payment expires (at least {@code settleAfter}; e.g. 2 hours, longer
     *     than the pay page's own session)
     */
    public static PaymentReconciliation of(Payments payments, Duration settleAfter, Duration expireAfter) {
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(settleAfter, "settleAfter");
        Objects.requireNonNull(expireAfter, "expireAfter");
        if (settleAfter.isNegative() || expireAfter.compareTo(settleAfter) < 0) {
            throw new InvalidInputException(PaymentError.RECONCILIATION_SETTING_INVALID,
                    "settleAfter " + settleAfter + ", expireAfter " + expireAfter, "expireAfter >= settleAfter >= 0");
        }
        return new PaymentReconciliation(payments, settleAfter, expireAfter);
    }

    /** One pass over the open payments; a failing status query is counted and tried again in the next pass. */
    public Summary reconcile() {
        Instant now = payments.clock().instant();
        int settled = 0;
        int expired = 0;
        int open = 0;
        int failed = 0;
        for (PaymentRecord record : payments.unchangedSince(PaymentState.REDIRECTED, now.minus(settleAfter), BATCH)) {
            try {
                PaymentResult result = payments.refresh(record);
                if (result.outcome() != PaymentResult.Outcome.PENDING) {
                    settled++;
                } else if (record.updatedAt().isBefore(now.minus(expireAfter)) && payments.expire(record)) {
                    expired++;
                } else {
                    open++;
                }
            } catch (OzgException e) {
                failed++;
                LOG.warn("reconciliation of payment {} failed, trying again in the next pass: {}", record.requestId(),
                        e.getMessage());
            }
        }
        for (PaymentRecord record : payments.unchangedSince(PaymentState.CREATED, now.minus(expireAfter), BATCH)) {
            // never reached the pay page (the service failed or its answer was lost): nobody can pay it any more
            if (payments.expire(record)) {
                expired++;
            }
        }
        Summary summary = new Summary(settled, expired, open, failed);
        LOG.info("payment reconciliation: {}", summary);
        return summary;
    }

    /** Runs {@link #reconcile()} now and then every {@code interval} (at least one second) until closed. */
    public synchronized PaymentReconciliation start(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0 || scheduler != null) {
            throw new InvalidInputException(PaymentError.RECONCILIATION_SETTING_INVALID,
                    "interval " + interval + (scheduler != null ? " (already started)" : ""),
                    "an interval of at least 1 s, started once");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ozg-payment-reconciliation");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::reconcileQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops the schedule; a running pass may finish (up to ten seconds). */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            // a failed pass must not end the schedule
            LOG.warn("payment reconciliation failed, trying again at the next interval: {}", e.getMessage());
        }
    }
}
