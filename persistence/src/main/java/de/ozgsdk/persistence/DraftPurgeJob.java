package de.ozgsdk.persistence;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.persistence.internal.BackgroundThread;
import java.time.Duration;
import java.util.Objects;
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

    private final BackgroundThread background;

    private DraftPurgeJob(DraftStore store, Duration interval) {
        this.background = BackgroundThread.start("ozg-draft-purge", () -> purge(store), interval);
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
     * damage an H2 file); waits up to ten seconds for it and the thread to end, then interrupts. Safe to call twice.
     */
    @Override
    public void close() {
        background.close();
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
