package de.ozgsdk.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundThreadTest {

    @Test
    void runThatThrowsDoesNotEndTheSchedule() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch secondRun = new CountDownLatch(1);

        try (BackgroundThread thread = BackgroundThread.start("test-failing", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database briefly unreachable");
            }
            secondRun.countDown();
        }, Duration.ofMillis(10))) {
            assertThat(secondRun.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeReturnsOnlyAfterTheThreadHasEnded() throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        BackgroundThread thread = BackgroundThread.start("test-join", () -> {
            worker.set(Thread.currentThread());
            ran.countDown();
        }, Duration.ofHours(1));
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();

        thread.close();

        assertThat(worker.get().getName()).isEqualTo("test-join");
        assertThat(worker.get().isAlive()).isFalse();
        assertThat(thread.closing()).isTrue();
    }
}
