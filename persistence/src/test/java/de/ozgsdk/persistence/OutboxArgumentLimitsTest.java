package de.ozgsdk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented limits of the outbox and its dispatcher, at and just beyond each bound. */
class OutboxArgumentLimitsTest {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private static Database db;
    private Outbox outbox;

    @BeforeAll
    static void open() {
        db = Database.h2InMemory("outbox_argument_limits");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void emptyOutbox() {
        db.runInTransaction(connection -> connection.createStatement().executeUpdate("DELETE FROM ozg_outbox"));
        outbox = Outbox.builder(db).clock(TestClock.atDefaultStart()).build();
    }

    @Test
    void claimAcceptsBatchSizesFromOneToTenThousand() {
        outbox.enqueue(message("antrag-1"));
        outbox.enqueue(message("antrag-2"));

        assertThat(outbox.claim("worker-a", 1, LEASE)).hasSize(1);
        assertThat(outbox.claim("worker-a", 10_000, LEASE)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 10_001, Integer.MAX_VALUE})
    void claimRejectsBatchSizesOutsideOneToTenThousand(int batchSize) {
        assertThatThrownBy(() -> outbox.claim("worker-a", batchSize, LEASE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OZG-DB-105")
                .hasMessageContaining("batchSize");
    }

    @Test
    void claimAcceptsALeaseOfExactlyOneSecondAndRejectsAnythingShorter() {
        outbox.enqueue(message("antrag-1"));

        assertThat(outbox.claim("worker-a", 1, Duration.ofSeconds(1))).hasSize(1);
        assertThatThrownBy(() -> outbox.claim("worker-a", 1, Duration.ofMillis(999)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("leaseDuration");
        assertThatThrownBy(() -> outbox.claim("worker-a", 1, Duration.ofSeconds(-5)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("leaseDuration");
        assertThatThrownBy(() -> outbox.claim("worker-a", 1, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("leaseDuration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "worker a", "wörker", "worker\n1", "worker;DROP", "worker@host"})
    void claimRejectsWorkerIdsOutsideTheTokenAlphabet(String workerId) {
        outbox.enqueue(message("antrag-1"));

        assertThatThrownBy(() -> outbox.claim(workerId, 1, LEASE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("workerId");
        assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.PENDING, 1L);
    }

    @Test
    void claimAcceptsWorkerIdsOfUpToTwoHundredTokenCharacters() {
        outbox.enqueue(message("antrag-1"));
        outbox.enqueue(message("antrag-2"));
        String longest = "w".repeat(200);

        assertThat(outbox.claim("portal-1.example.org:thread/7_a", 1, LEASE)).hasSize(1);
        assertThat(outbox.claim(longest, 1, LEASE)).hasSize(1);
        assertThatThrownBy(() -> outbox.claim(longest + "w", 1, LEASE)).hasMessageContaining("workerId");
        assertThatThrownBy(() -> outbox.claim(null, 1, LEASE)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void maxAttemptsAcceptsOneToOneThousand() {
        assertThatCode(() -> Outbox.builder(db).maxAttempts(1).maxAttempts(1000).build()).doesNotThrowAnyException();
        assertThatThrownBy(() -> Outbox.builder(db).maxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> Outbox.builder(db).maxAttempts(1001)).hasMessageContaining("maxAttempts");
    }

    @Test
    void maxAttemptsOfOneMakesTheFirstFailureDead() {
        Outbox once = Outbox.builder(db).clock(TestClock.atDefaultStart()).maxAttempts(1).build();
        once.enqueue(message("antrag-1"));
        ClaimedMessage claimed = once.claim("worker-a", 1, LEASE).get(0);

        assertThat(once.markFailed(claimed.id(), claimed.leaseToken(), new IOException("refused")))
                .isEqualTo(OutboxStatus.DEAD);
    }

    @Test
    void maxAttemptsOfTwoRetriesOnceBeforeDead() {
        TestClock clock = TestClock.atDefaultStart();
        Outbox twice = Outbox.builder(db).clock(clock).maxAttempts(2).build();
        twice.enqueue(message("antrag-1"));
        ClaimedMessage first = twice.claim("worker-a", 1, LEASE).get(0);
        assertThat(twice.markFailed(first.id(), first.leaseToken(), new IOException("503")))
                .isEqualTo(OutboxStatus.PENDING);
        clock.advance(Duration.ofHours(6));
        ClaimedMessage second = twice.claim("worker-a", 1, LEASE).get(0);

        assertThat(twice.markFailed(second.id(), second.leaseToken(), new IOException("503")))
                .isEqualTo(OutboxStatus.DEAD);
    }

    @Test
    void deadAcceptsLimitsFromOneToTenThousand() {
        assertThat(outbox.dead(1)).isEmpty();
        assertThat(outbox.dead(10_000)).isEmpty();
        for (int limit : new int[] {Integer.MIN_VALUE, 0, 10_001}) {
            assertThatThrownBy(() -> outbox.dead(limit)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("limit");
        }
    }

    @Test
    void dispatcherBuilderAppliesTheSameLimitsAsTheOutbox() {
        OutboxDispatcher.Builder builder = OutboxDispatcher.builder(outbox, message -> { });

        assertThatCode(() -> builder.batchSize(1).batchSize(10_000).leaseDuration(Duration.ofSeconds(1))
                .sendTimeout(Duration.ofMillis(999)).pollInterval(Duration.ofMillis(10)).workerId("w".repeat(200))
                .build()).doesNotThrowAnyException();
        assertThatThrownBy(() -> builder.batchSize(0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> builder.batchSize(10_001)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> builder.leaseDuration(Duration.ofMillis(999))).hasMessageContaining("leaseDuration");
        assertThatThrownBy(() -> builder.pollInterval(Duration.ofMillis(9))).hasMessageContaining("pollInterval");
        assertThatThrownBy(() -> builder.sendTimeout(Duration.ZERO)).hasMessageContaining("sendTimeout");
        assertThatThrownBy(() -> builder.workerId("worker 1")).hasMessageContaining("workerId");
        assertThatThrownBy(() -> builder.workerId("w".repeat(201))).hasMessageContaining("workerId");
    }

    @Test
    void dispatcherRefusesALeaseNoLongerThanTheSendTimeout() {
        OutboxDispatcher.Builder builder = OutboxDispatcher.builder(outbox, message -> { })
                .leaseDuration(Duration.ofMinutes(1)).sendTimeout(Duration.ofMinutes(1));

        assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OZG-DB-105").hasMessageContaining("leaseDuration")
                .hasMessageContaining("sendTimeout");
    }

    @Test
    void dispatcherClaimsWithItsConfiguredBatchSizeAndWorkerId() {
        for (int i = 0; i < 3; i++) {
            outbox.enqueue(message("antrag-" + i));
        }
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, message -> { })
                .workerId("portal-1").batchSize(2).build();

        assertThat(dispatcher.drainOnce()).isEqualTo(2);
        assertThat(dispatcher.drainOnce()).isEqualTo(1);
        assertThat(dispatcher.workerId()).isEqualTo("portal-1");
    }

    private static OutboxMessage message(String key) {
        return OutboxMessage.of(key, "fachverfahren", key.getBytes(StandardCharsets.UTF_8));
    }
}
