package de.ozgsdk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start, close, close twice and close while delivering of the dispatcher's own thread. */
class OutboxDispatcherLifecycleTest {

    private static Database db;
    private TestClock clock;
    private Outbox outbox;

    @BeforeAll
    static void open() {
        db = Database.h2InMemory("outbox_dispatcher_lifecycle");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void emptyOutbox() {
        db.runInTransaction(connection -> connection.createStatement().executeUpdate("DELETE FROM ozg_outbox"));
        clock = TestClock.atDefaultStart();
        outbox = Outbox.builder(db).clock(clock).build();
    }

    @Test
    void startDeliversOnADaemonThreadNamedAfterTheWorker() throws Exception {
        outbox.enqueue(message("antrag-1"));
        CountDownLatch delivered = new CountDownLatch(1);
        List<Thread> threads = new CopyOnWriteArrayList<>();

        try (OutboxDispatcher dispatcher = dispatcher("portal-1", message -> {
            threads.add(Thread.currentThread());
            delivered.countDown();
        }).start()) {
            assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(threads).singleElement().satisfies(thread -> {
            assertThat(thread.getName()).isEqualTo("ozg-outbox-portal-1");
            assertThat(thread.isDaemon()).isTrue();
        });
        assertThat(threads.get(0).isAlive()).as("close waits for the thread to end").isFalse();
    }

    @Test
    void startTwiceIsRefused() {
        try (OutboxDispatcher dispatcher = dispatcher("portal-1", message -> { }).start()) {
            assertThatThrownBy(dispatcher::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already started");
        }
    }

    @Test
    void startAfterCloseIsRefusedAsClosed() {
        OutboxDispatcher dispatcher = dispatcher("portal-1", message -> { }).start();
        dispatcher.close();

        assertThatThrownBy(dispatcher::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void closeOfANeverStartedDispatcherAndCloseTwiceAreHarmless() {
        OutboxDispatcher never = dispatcher("portal-1", message -> { });
        OutboxDispatcher started = dispatcher("portal-2", message -> { }).start();

        assertThatCode(() -> {
            never.close();
            never.close();
            started.close();
            started.close();
        }).doesNotThrowAnyException();
    }

    @Test
    void closeWhileDeliveringLetsTheMessageFinishAndClaimsNothingMore() throws Exception {
        outbox.enqueue(message("antrag-1"));
        clock.advance(Duration.ofSeconds(1));
        outbox.enqueue(message("antrag-2"));
        CountDownLatch delivering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        List<String> delivered = new CopyOnWriteArrayList<>();
        OutboxDispatcher dispatcher = dispatcher("portal-1", message -> {
            if (delivered.isEmpty()) {
                delivering.countDown();
                release.await();
                interrupted.set(Thread.currentThread().isInterrupted());
            }
            delivered.add(message.idempotencyKey());
        }).start();
        assertThat(delivering.await(10, TimeUnit.SECONDS)).isTrue();

        WaitingCloser.releaseWhenWaiting(Thread.currentThread(), release);
        dispatcher.close();

        assertThat(delivered).as("the running delivery finished before close returned").hasSize(1);
        assertThat(interrupted).isFalse();
        assertThat(outbox.countByStatus()).as("the message in hand is marked, no further batch is claimed")
                .containsEntry(OutboxStatus.DELIVERED, 1L).containsEntry(OutboxStatus.PENDING, 1L)
                .containsEntry(OutboxStatus.IN_FLIGHT, 0L);
    }

    @Test
    void closeFromInsideADeliveryDoesNotWaitForItself() throws Exception {
        outbox.enqueue(message("antrag-1"));
        CountDownLatch closed = new CountDownLatch(1);
        OutboxDispatcher[] self = new OutboxDispatcher[1];
        CountDownLatch started = new CountDownLatch(1);
        self[0] = dispatcher("portal-1", message -> {
            started.await();
            self[0].close();
            closed.countDown();
        });
        self[0].start();
        started.countDown();

        assertThat(closed.await(5, TimeUnit.SECONDS)).as("close on the own thread returns at once").isTrue();
        self[0].close();
        assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.DELIVERED, 1L);
    }

    private OutboxDispatcher dispatcher(String workerId, OutboxDelivery delivery) {
        return OutboxDispatcher.builder(outbox, delivery).workerId(workerId).batchSize(1)
                .pollInterval(Duration.ofMillis(10)).build();
    }

    private static OutboxMessage message(String key) {
        return OutboxMessage.of(key, "fachverfahren", key.getBytes(StandardCharsets.UTF_8));
    }
}
