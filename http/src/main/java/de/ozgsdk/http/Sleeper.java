package de.ozgsdk.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits between retry attempts; replaceable so that tests can record the waits instead of spending them.
 */
@FunctionalInterface
public interface Sleeper {

    /** Blocks the calling thread for {@code duration} (never negative). */
    void sleep(Duration duration) throws InterruptedException;

    /** The real sleeper: the calling thread sleeps. */
    static Sleeper system() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
