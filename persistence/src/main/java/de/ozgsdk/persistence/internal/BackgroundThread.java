package de.ozgsdk.persistence.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named daemon thread that runs a task at once and then again after each pause, until closed. Closing lets a
 * running task finish uninterrupted (interrupting JDBC mid-statement can damage an H2 file) and waits until the thread
 * has ended, so that a servlet container that undeploys the application finds no thread of it left.
 */
public final class BackgroundThread implements AutoCloseable {

    /** How long {@link #close()} waits for a running task before it interrupts it. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundThread.class);

    private final String name;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Thread thread;

    private BackgroundThread(String name, Runnable task, Duration pause) {
        this.name = name;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread created = new Thread(runnable, name);
            created.setDaemon(true);
            thread = created;
            return created;
        });
        executor.scheduleWithFixedDelay(() -> runOnce(task), 0, pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce(Runnable task) {
        if (closing.get()) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            // An exception would end the schedule without a word; the next run tries again.
            LOG.warn("background thread {} failed, retrying after the pause: {}", name, e.getClass().getName());
        } catch (Error e) {
            // The executor would swallow it and silently stop all further runs: say so.
            LOG.error("background thread {} stopped by {}", name, e.getClass().getName());
            throw e;
        }
    }

    /** Starts running {@code task} on a new daemon thread named {@code name}, then every {@code pause}. */
    public static BackgroundThread start(String name, Runnable task, Duration pause) {
        return new BackgroundThread(Objects.requireNonNull(name, "name"), Objects.requireNonNull(task, "task"),
                Objects.requireNonNull(pause, "pause"));
    }

    /** Whether {@link #close()} was called; a long task checks it between its steps to stop early. */
    public boolean closing() {
        return closing.get();
    }

    /**
     * Starts no further run and waits up to {@link #STOP_TIMEOUT} for the running one and the thread to end, then
     * interrupts. Called from the task itself it only stops further runs (waiting for itself would never end).
     * Safe to call more than once and from several threads.
     */
    @Override
    public void close() {
        closing.set(true);
        executor.shutdown();
        Thread running = thread;
        if (Thread.currentThread() == running) {
            return;
        }
        try {
            long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
            if (!executor.awaitTermination(STOP_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                executor.shutdownNow();
                LOG.warn("background thread {} did not stop within {}; interrupted", name, STOP_TIMEOUT);
            }
            if (running != null) {
                running.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
