package de.ozgsdk.core.persistence;

import de.ozgsdk.core.InvalidInputException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired drafts in the background: once at start, then every interval (default {@link #DEFAULT_INTERVAL},
 * one hour) on its own daemon thread, until closed.
 */
public final class DraftPurgeJob implements AutoCloseable {

    /** The default pause between two purges: one hour, so expired drafts outlive their expiry by at most that. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(DraftPurgeJob.class);

    private final ScheduledExecutorService executor;

    private DraftPurgeJob(DraftStore store, Duration interval) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ozg-draft-purge");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> purge(store), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts purging {@code store} every {@link #DEFAULT_INTERVAL}. */
    public static DraftPurgeJob start(DraftStore store) {
        return start(store, DEFAULT_INTERVAL);
    }

    /** Starts purging {@code store} every {@code interval} (at least one second). */
    public static DraftPurgeJob start(DraftStore store, Duration interval) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "interval", "at least 1 second");
        }
        return new DraftPurgeJob(store, interval);
    }

    /**
     * Stops the job: no further purge starts, and a running one may finish (interrupting it mid-statement could
     * damage an H2 file); waits up to ten seconds, then interrupts.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                LOG.warn("draft purge thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void purge(DraftStore store) {
        try {
            store.purgeExpired();
        } catch (RuntimeException e) {
            // A failed run must not end the schedule: the next run tries again.
            LOG.warn("draft purge failed, retrying at the next interval: {}", e.getMessage());
        }
    }
}
