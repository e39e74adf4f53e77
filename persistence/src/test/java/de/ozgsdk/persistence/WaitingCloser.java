package de.ozgsdk.persistence;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets a held background task go once the closing thread waits for it, so "close while running" is exercised. */
final class WaitingCloser {

    private WaitingCloser() {
    }

    /** Counts {@code release} down as soon as {@code closer} waits (in close()), at the latest after 30 s. */
    static void releaseWhenWaiting(Thread closer, CountDownLatch release) {
        Thread releaser = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (closer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            release.countDown();
        }, "test-releaser");
        releaser.setDaemon(true);
        releaser.start();
    }
}
