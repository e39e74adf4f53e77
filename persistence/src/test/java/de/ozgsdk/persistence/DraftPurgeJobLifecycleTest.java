package de.ozgsdk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import de.ozgsdk.core.crypto.Sealer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Start, close, close twice and close while purging of the purge thread. The purging store's clock is where the test
 * holds a purge: {@link DraftStore#purgeExpired()} asks it for the time inside the run.
 */
class DraftPurgeJobLifecycleTest {

    private static final DraftOwner OWNER = DraftOwner.of("053150000000", "bpk2-user-1");
    private static final String SERVICE = "99123456760000";

    private static Database db;
    private final Sealer sealer = Sealer.builder().key("2026-11", new byte[32]).build();
    private TestClock clock;
    private DraftStore store;

    @BeforeAll
    static void open() {
        db = Database.h2InMemory("draft_purge_job_lifecycle");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void oneExpiredDraft() {
        db.runInTransaction(connection -> connection.createStatement().executeUpdate("DELETE FROM ozg_draft"));
        clock = TestClock.atDefaultStart();
        store = DraftStore.builder(db, sealer).clock(clock).lifetime(Duration.ofDays(30)).build();
        store.save(OWNER, SERVICE, "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void startPurgesAtOnceOnADaemonThread() throws Exception {
        GateClock gate = new GateClock(clock.instant().plus(Duration.ofDays(31)));

        DraftPurgeJob job = DraftPurgeJob.start(purgingStore(gate));
        try {
            assertThat(gate.asked.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            job.close();
        }

        assertThat(gate.threads).first().satisfies(thread -> {
            assertThat(thread.getName()).isEqualTo("ozg-draft-purge");
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.isAlive()).as("close waits for the thread to end").isFalse();
        });
        assertThat(remainingDrafts()).isZero();
    }

    @Test
    void closeWhilePurgingLetsThePurgeFinishUninterruptedAndStartsNoOther() throws Exception {
        GateClock gate = new GateClock(clock.instant().plus(Duration.ofDays(31)));
        gate.hold();
        DraftPurgeJob job = DraftPurgeJob.start(purgingStore(gate), Duration.ofSeconds(1));
        assertThat(gate.asked.await(10, TimeUnit.SECONDS)).isTrue();

        gate.releaseWhenWaiting(Thread.currentThread());
        job.close();

        assertThat(gate.interrupted).as("the running purge was not interrupted").isFalse();
        assertThat(remainingDrafts()).as("the running purge finished before close returned").isZero();
        assertThat(gate.threads).as("no purge after close").hasSize(1);
    }

    @Test
    void closeTwiceIsHarmless() throws Exception {
        GateClock gate = new GateClock(clock.instant());
        DraftPurgeJob job = DraftPurgeJob.start(purgingStore(gate));
        assertThat(gate.asked.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatCode(() -> {
            job.close();
            job.close();
        }).doesNotThrowAnyException();
    }

    @Test
    void failedPurgeDoesNotEndTheSchedule() throws Exception {
        GateClock gate = new GateClock(clock.instant().plus(Duration.ofDays(31)));
        gate.failFirst();
        CountDownLatch secondRun = gate.runs(2);

        DraftPurgeJob job = DraftPurgeJob.start(purgingStore(gate), Duration.ofSeconds(1));
        try {
            assertThat(secondRun.await(30, TimeUnit.SECONDS)).as("the run after the failed one").isTrue();
        } finally {
            job.close();
        }

        assertThat(remainingDrafts()).isZero();
    }

    private DraftStore purgingStore(GateClock gate) {
        return DraftStore.builder(db, sealer).clock(gate).lifetime(Duration.ofDays(30)).build();
    }

    private long remainingDrafts() {
        return db.inTransaction(connection -> {
            var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM ozg_draft");
            rows.next();
            return rows.getLong(1);
        });
    }

    /** A fixed clock that records each purge asking it, and can hold a purge there or fail it. */
    private static final class GateClock extends TestClock {
        final CountDownLatch asked = new CountDownLatch(1);
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final AtomicBoolean interrupted = new AtomicBoolean();
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean holding;
        private volatile boolean failFirst;
        private volatile CountDownLatch runs = new CountDownLatch(0);

        GateClock(Instant now) {
            super(now);
        }

        void hold() {
            holding = true;
        }

        void failFirst() {
            failFirst = true;
        }

        CountDownLatch runs(int count) {
            runs = new CountDownLatch(count);
            return runs;
        }

        @Override
        public Instant instant() {
            threads.add(Thread.currentThread());
            asked.countDown();
            runs.countDown();
            if (failFirst && calls.getAndIncrement() == 0) {
                throw new IllegalStateException("database briefly unreachable");
            }
            if (holding) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                interrupted.set(Thread.currentThread().isInterrupted());
            }
            return super.instant();
        }

        void releaseWhenWaiting(Thread closer) {
            WaitingCloser.releaseWhenWaiting(closer, release);
        }
    }
}
