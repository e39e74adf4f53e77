package de.ozgsdk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.crypto.Sealer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class OutboxContract extends DatabaseContract {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private TestClock clock;
    private Outbox outbox;

    @BeforeEach
    void emptyOutbox() {
        execute("DELETE FROM ozg_outbox");
        clock = TestClock.atDefaultStart();
        outbox = Outbox.builder(db).clock(clock).maxAttempts(3).backoffBase(Duration.ofSeconds(30))
                .backoffCap(Duration.ofMinutes(1)).random(new FixedDraw(true)).build();
    }

    @Test
    void enqueuedMessageIsClaimableAfterCommit() {
        OutboxEntry entry = db.inTransaction(connection -> outbox.enqueue(connection, message("antrag-1")));

        List<ClaimedMessage> claimed = outbox.claim("worker-a", 10, LEASE);

        assertThat(claimed).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(entry.id());
            assertThat(message.idempotencyKey()).isEqualTo("antrag-1");
            assertThat(message.payload()).isEqualTo(payload("antrag-1"));
            assertThat(message.attempt()).isEqualTo(1);
            assertThat(message.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
        });
    }

    @Test
    void enqueueInRolledBackTransactionLeavesNothing() {
        assertThatThrownBy(() -> db.runInTransaction(connection -> {
            outbox.enqueue(connection, message("antrag-rolled-back"));
            throw new IllegalStateException("the caller's own insert failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(outbox.findByIdempotencyKey("antrag-rolled-back")).isEmpty();
        assertThat(outbox.claim("worker-a", 10, LEASE)).isEmpty();
    }

    @Test
    void duplicateIdempotencyKeyReturnsTheFirstEntry() {
        OutboxEntry first = outbox.enqueue(OutboxMessage.of("antrag-2", "fachverfahren", payload("first")));

        OutboxEntry second = outbox.enqueue(OutboxMessage.of("antrag-2", "other", payload("second")));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.payload()).isEqualTo(payload("first"));
        assertThat(count("SELECT COUNT(*) FROM ozg_outbox")).isEqualTo(1);
    }

    @Test
    void duplicateKeyKeepsTheCallersTransactionUsable() {
        outbox.enqueue(message("antrag-3"));

        db.runInTransaction(connection -> {
            outbox.enqueue(connection, message("antrag-3"));
            outbox.enqueue(connection, message("antrag-4"));
        });

        assertThat(outbox.findByIdempotencyKey("antrag-4")).isPresent();
        assertThat(count("SELECT COUNT(*) FROM ozg_outbox")).isEqualTo(2);
    }

    @Test
    void concurrentEnqueueOfTheSameKeyWaitsForTheFirstAndReturnsIt() throws Exception {
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (Connection first = db.dataSource().getConnection()) {
            first.setAutoCommit(false);
            OutboxEntry firstEntry = outbox.enqueue(first, message("antrag-race"));

            Future<OutboxEntry> secondEntry = second.submit(() -> outbox.enqueue(message("antrag-race")));
            assertThatThrownBy(() -> secondEntry.get(300, TimeUnit.MILLISECONDS))
                    .as("the second enqueue waits while the first transaction is open")
                    .isInstanceOf(TimeoutException.class);
            first.commit();

            assertThat(secondEntry.get(30, TimeUnit.SECONDS).id()).isEqualTo(firstEntry.id());
        } finally {
            second.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM ozg_outbox")).isEqualTo(1);
    }

    @Test
    void claimOfMixedPendingAndLeaseExpiredEntriesLeasesAtMostTheBatchSize() {
        leaseExpired("stale", 3);
        enqueueAll("fresh", 3);

        List<ClaimedMessage> claimed = outbox.claim("worker-b", 4, LEASE);

        assertThat(claimed).hasSize(4);
        assertThat(count("SELECT COUNT(*) FROM ozg_outbox WHERE lease_owner = 'worker-b'")).isEqualTo(4);
        assertThat(outbox.claim("worker-c", 10, LEASE)).as("the rest is still claimable").hasSize(2);
    }

    @Test
    void claimWithBatchSizeOneLeasesOneEntryEvenWhenBothKindsAreDue() {
        leaseExpired("stale", 2);
        enqueueAll("fresh", 2);

        for (int i = 1; i <= 4; i++) {
            assertThat(outbox.claim("worker-" + i, 1, LEASE)).as("claim %d", i).hasSize(1);
        }

        assertThat(outbox.claim("worker-5", 1, LEASE)).isEmpty();
        assertThat(count("SELECT COUNT(DISTINCT lease_owner) FROM ozg_outbox")).isEqualTo(4);
    }

    @Test
    void claimWithBatchSizeAboveTheDueCountTakesEveryDueEntryOnce() {
        leaseExpired("stale", 3);
        enqueueAll("fresh", 2);

        List<ClaimedMessage> claimed = outbox.claim("worker-b", 10_000, LEASE);

        assertThat(claimed).hasSize(5).extracting(ClaimedMessage::id).doesNotHaveDuplicates();
    }

    @Test
    void claimLeaseOfOneSecondRunsOutAfterExactlyOneSecond() {
        outbox.enqueue(message("antrag-short"));
        ClaimedMessage first = outbox.claim("worker-a", 1, Duration.ofSeconds(1)).get(0);

        assertThat(first.leaseUntil()).isEqualTo(clock.instant().plusSeconds(1));
        clock.advance(Duration.ofMillis(999));
        assertThat(outbox.claim("worker-b", 1, LEASE)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(outbox.claim("worker-b", 1, LEASE)).singleElement()
                .satisfies(message -> assertThat(message.attempt()).isEqualTo(2));
    }

    @Test
    void concurrentClaimsOfMixedEntriesEachStayWithinTheBatchSize() throws Exception {
        leaseExpired("stale", 150);
        enqueueAll("fresh", 150);
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        Map<UUID, String> owners = new ConcurrentHashMap<>();
        List<UUID> leasedTwice = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String workerId = "worker-" + w;
                running.add(workers.submit(() -> {
                    List<ClaimedMessage> batch;
                    do {
                        batch = outbox.claim(workerId, 7, LEASE);
                        sizes.add(batch.size());
                        batch.forEach(m -> {
                            if (owners.putIfAbsent(m.id(), workerId) != null) {
                                leasedTwice.add(m.id());
                            }
                        });
                    } while (owners.size() < 300);
                }));
            }
            for (Future<?> worker : running) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }

        assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(7));
        assertThat(leasedTwice).isEmpty();
        assertThat(owners).hasSize(300);
    }

    @Test
    void claimPassesOverARunOutLeaseWhoseLastHolderIsWritingItsOutcomeInsteadOfWaiting() throws Exception {
        enqueueAll("late", 2);
        List<ClaimedMessage> late = outbox.claim("worker-a", 2, LEASE);
        clock.advance(LEASE);
        OutboxEntry fresh = outbox.enqueue(message("fresh"));
        ClaimedMessage beingMarked = late.get(0);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (Connection lastHolder = db.connection()) {
            lastHolder.setAutoCommit(false);
            try {
                // worker-a's markDelivered has updated the row but not committed yet: the row is locked
                try (PreparedStatement mark = lastHolder.prepareStatement("UPDATE ozg_outbox SET status = 'DELIVERED'"
                        + " WHERE id = ? AND lease_token = ?")) {
                    mark.setObject(1, beingMarked.id());
                    mark.setString(2, beingMarked.leaseToken());
                    assertThat(mark.executeUpdate()).isOne();
                }

                Future<List<ClaimedMessage>> claim = worker.submit(() -> outbox.claim("worker-b", 10, LEASE));

                assertThat(claim.get(5, TimeUnit.SECONDS)).as("claimed without waiting for worker-a")
                        .extracting(ClaimedMessage::id).containsExactlyInAnyOrder(late.get(1).id(), fresh.id());
            } finally {
                lastHolder.commit();
            }
        } finally {
            worker.shutdownNow();
        }
        assertThat(outbox.find(beingMarked.id()).orElseThrow().status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(outbox.claim("worker-c", 10, LEASE)).isEmpty();
    }

    @Test
    void lateBatchOutcomeRacingWithClaimsLeavesEachEntryToOneWorkerWithoutADeadlock() throws Exception {
        List<ClaimedMessage> late = new ArrayList<>();
        for (int claim = 0; claim < 3; claim++) {
            enqueueAll("late-" + claim, 100);
            late.addAll(outbox.claim("worker-late", 100, LEASE));
        }
        clock.advance(LEASE);
        Collections.reverse(late); // three leases, marked in one transaction, in another order than they are claimed
        Map<UUID, String> owners = new ConcurrentHashMap<>();
        List<UUID> leasedTwice = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            Future<List<ClaimedMessage>> marking = workers.submit(() -> {
                start.await();
                return outbox.markDelivered(late);
            });
            List<Future<?>> claiming = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                String workerId = "worker-" + w;
                claiming.add(workers.submit(() -> {
                    start.await();
                    List<ClaimedMessage> batch;
                    do {
                        batch = outbox.claim(workerId, 7, LEASE);
                        batch.forEach(m -> {
                            if (owners.putIfAbsent(m.id(), workerId) != null) {
                                leasedTwice.add(m.id());
                            }
                        });
                    } while (!batch.isEmpty() || !marking.isDone());
                    return null;
                }));
            }
            start.countDown();
            List<ClaimedMessage> lost = marking.get(60, TimeUnit.SECONDS);
            for (Future<?> worker : claiming) {
                worker.get(60, TimeUnit.SECONDS);
            }

            assertThat(leasedTwice).isEmpty();
            assertThat(owners.keySet()).as("taken over: exactly those the late holder could not mark")
                    .containsExactlyInAnyOrderElementsOf(lost.stream().map(ClaimedMessage::id).toList());
            assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.DELIVERED, 300L - lost.size())
                    .containsEntry(OutboxStatus.IN_FLIGHT, (long) lost.size());
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void claimOnAFreshNeverAnalysedTableLeasesAtMostTheBatchSize() throws Exception {
        try (DatabaseFixture freshFixture = createFixture(); Database fresh = freshFixture.open()) {
            keepWithoutPlannerStatistics(fresh);
            Outbox freshOutbox = Outbox.builder(fresh).clock(clock).build();
            fresh.runInTransaction(connection -> {
                for (int i = 0; i < 1000; i++) {
                    freshOutbox.enqueue(connection, message("fresh-" + i));
                }
            });
            assertThat(hasPlannerStatistics(fresh)).as("the table was never analysed").isFalse();

            List<ClaimedMessage> claimed = freshOutbox.claim("worker-a", 20, LEASE);

            assertThat(claimed).hasSize(20);
            assertThat(freshOutbox.countByStatus()).containsEntry(OutboxStatus.IN_FLIGHT, 20L)
                    .containsEntry(OutboxStatus.PENDING, 980L);
        }
    }

    /** Keeps the database from gathering planner statistics for the outbox table (autovacuum) during a test. */
    void keepWithoutPlannerStatistics(Database database) throws Exception {
        // H2 keeps no planner statistics that could change the claim's plan.
    }

    /** Whether the database has planner statistics for the outbox table. */
    boolean hasPlannerStatistics(Database database) throws Exception {
        return false;
    }

    @Test
    void claimHandsOutTheOldestDueEntryFirstExpiredLeasesIncluded() {
        OutboxEntry oldest = outbox.enqueue(message("antrag-old"));
        outbox.claim("worker-crashed", 1, LEASE);
        List<UUID> newer = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(1));
            newer.add(outbox.enqueue(message("antrag-new-" + i)).id());
        }
        clock.advance(LEASE);

        assertThat(outbox.claim("worker-b", 1, LEASE)).singleElement()
                .satisfies(message -> assertThat(message.id()).isEqualTo(oldest.id()));
        List<UUID> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outbox.claim("worker-b", 5, LEASE).forEach(message -> order.add(message.id()));
        }
        assertThat(order).containsExactlyElementsOf(newer);
    }

    @Test
    void claimsThatEndWithoutAnOutcomeCountAsAttemptsAndLeadToDeadWithAReason() {
        OutboxEntry entry = outbox.enqueue(message("antrag-kills-its-worker"));
        ClaimedMessage first = outbox.claim("worker-a", 10, LEASE).get(0);
        outbox.markFailed(first.id(), first.leaseToken(), new IOException("503 from intake"));
        clock.advance(Duration.ofMinutes(1));
        for (int attempt = 2; attempt <= 3; attempt++) {
            assertThat(outbox.claim("worker-" + attempt, 10, LEASE)).singleElement()
                    .satisfies(message -> assertThat(message.id()).isEqualTo(entry.id()));
            clock.advance(LEASE); // the worker dies with the message: no markDelivered, no markFailed
        }

        assertThat(outbox.claim("worker-4", 10, LEASE)).as("no fourth attempt").isEmpty();

        OutboxEntry dead = outbox.find(entry.id()).orElseThrow();
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("[OZG-DB-304] The outbox message had its last allowed attempt (3)")
                .contains("lease of that attempt ran out without an outcome")
                .endsWith("Error before: java.io.IOException: 503 from intake"));
        assertThat(outbox.dead(10)).extracting(OutboxEntry::id).containsExactly(entry.id());
        assertThat(outbox.requeue(entry.id()).status()).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void lateOutcomeOfTheLastLeaseHolderIsKeptAfterTheEntryWasBuried() {
        Outbox once = Outbox.builder(db).clock(clock).maxAttempts(1).build();
        once.enqueue(message("antrag-slow"));
        ClaimedMessage slow = once.claim("worker-a", 10, LEASE).get(0);
        clock.advance(LEASE);
        assertThat(once.claim("worker-b", 10, LEASE)).isEmpty();
        assertThat(once.find(slow.id()).orElseThrow().status()).isEqualTo(OutboxStatus.DEAD);

        once.markDelivered(slow.id(), slow.leaseToken());

        assertThat(once.find(slow.id()).orElseThrow().status()).isEqualTo(OutboxStatus.DELIVERED);
    }

    @Test
    void releasedEntryIsDueAtOnceAndUsesNoAttempt() {
        outbox.enqueue(message("antrag-released"));
        ClaimedMessage claimed = outbox.claim("worker-a", 10, LEASE).get(0);

        assertThat(outbox.release(claimed.id(), claimed.leaseToken())).isTrue();

        assertThat(outbox.release(claimed.id(), claimed.leaseToken())).as("the lease is gone").isFalse();
        assertThatThrownBy(() -> outbox.markDelivered(claimed.id(), claimed.leaseToken()))
                .isInstanceOf(ConflictException.class);
        assertThat(outbox.claim("worker-b", 10, LEASE)).singleElement()
                .satisfies(message -> assertThat(message.attempt()).isEqualTo(1));
    }

    @Test
    void leaseLastsOnlyWhileItRunsLongerThanTheSendTime() {
        outbox.enqueue(message("antrag-lease"));
        ClaimedMessage claimed = outbox.claim("worker-a", 10, LEASE).get(0);
        Duration sendTime = Duration.ofSeconds(30);

        clock.advance(LEASE.minus(sendTime).minusMillis(1));
        assertThat(outbox.leaseLasts(claimed, sendTime)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(outbox.leaseLasts(claimed, sendTime)).as("the send would end when the lease does").isFalse();
    }

    @Test
    void dispatcherStartsASendOnlyWhileTheLeaseOutlastsTheSendTimeout() {
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofMillis(1));
            outbox.enqueue(message("antrag-slow-" + i));
        }
        List<String> sent = new ArrayList<>();
        List<Boolean> leaseHeldThroughout = new ArrayList<>();
        Duration sendTimeout = Duration.ofSeconds(30);
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, message -> {
            sent.add(message.idempotencyKey());
            clock.advance(sendTimeout); // every send takes as long as it may
            leaseHeldThroughout.add(clock.instant().isBefore(message.leaseUntil()));
        }).workerId("slow").batchSize(12).leaseDuration(LEASE).sendTimeout(sendTimeout).build();

        assertThat(dispatcher.drainOnce()).isEqualTo(12);

        assertThat(sent).as("sends start at 0:00 ... 4:00; at 4:30 one would end with the lease")
                .hasSize(9).startsWith("antrag-slow-0");
        assertThat(leaseHeldThroughout).containsOnly(true);
        assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.DELIVERED, 9L)
                .containsEntry(OutboxStatus.PENDING, 3L);
        assertThat(outbox.claim("worker-b", 10, LEASE)).as("released: due at once, no attempt used").hasSize(3)
                .allSatisfy(message -> assertThat(message.attempt()).isEqualTo(1));
    }

    /** Enqueues {@code n} entries and lets a claim of worker-a run out, so that they are in flight and due again. */
    private void leaseExpired(String prefix, int n) {
        enqueueAll(prefix, n);
        assertThat(outbox.claim("worker-a", n, LEASE)).hasSize(n);
        clock.advance(LEASE);
    }

    private void enqueueAll(String prefix, int n) {
        for (int i = 0; i < n; i++) {
            outbox.enqueue(message(prefix + "-" + i));
        }
    }

    @Test
    void claimedMessageIsNotClaimedAgainWhileLeased() {
        outbox.enqueue(message("antrag-5"));
        outbox.claim("worker-a", 10, LEASE);
        clock.advance(LEASE.minusSeconds(1));

        assertThat(outbox.claim("worker-b", 10, LEASE)).isEmpty();
    }

    @Test
    void expiredLeaseLetsAnotherWorkerReclaim() {
        outbox.enqueue(message("antrag-6"));
        ClaimedMessage first = outbox.claim("worker-a", 10, LEASE).get(0);
        clock.advance(LEASE);

        List<ClaimedMessage> reclaimed = outbox.claim("worker-b", 10, LEASE);

        assertThat(reclaimed).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(first.id());
            assertThat(message.attempt()).isEqualTo(2);
            assertThat(message.leaseToken()).isNotEqualTo(first.leaseToken());
        });
    }

    @Test
    void onlyTheLeaseHolderCanMarkDelivered() {
        outbox.enqueue(message("antrag-7"));
        ClaimedMessage stale = outbox.claim("worker-a", 10, LEASE).get(0);
        clock.advance(LEASE);
        ClaimedMessage current = outbox.claim("worker-b", 10, LEASE).get(0);

        assertThatThrownBy(() -> outbox.markDelivered(stale.id(), stale.leaseToken()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("OZG-DB-301");
        assertThatThrownBy(() -> outbox.markFailed(stale.id(), stale.leaseToken(), new IOException("late")))
                .isInstanceOf(ConflictException.class);
        outbox.markDelivered(current.id(), current.leaseToken());

        assertThat(outbox.find(current.id()).orElseThrow().status()).isEqualTo(OutboxStatus.DELIVERED);
    }

    @Test
    void deliveredMessageIsNeverClaimedAgain() {
        outbox.enqueue(message("antrag-8"));
        ClaimedMessage claimed = outbox.claim("worker-a", 10, LEASE).get(0);
        outbox.markDelivered(claimed.id(), claimed.leaseToken());
        clock.advance(Duration.ofDays(1));

        assertThat(outbox.claim("worker-a", 10, LEASE)).isEmpty();
        OutboxEntry entry = outbox.find(claimed.id()).orElseThrow();
        assertThat(entry.deliveredAt()).contains(clock.instant().minus(Duration.ofDays(1)));
        assertThatThrownBy(() -> outbox.markDelivered(claimed.id(), claimed.leaseToken()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void batchOfDeliveriesIsMarkedAtOnceExceptWhereTheLeaseWasTakenOver() {
        enqueueAll("batch", 5);
        List<ClaimedMessage> batch = outbox.claim("worker-a", 5, LEASE);
        ClaimedMessage overtaken = batch.get(2);
        execute("UPDATE ozg_outbox SET lease_token = 'taken-over-by-worker-b' WHERE id = ?", overtaken.id());

        List<ClaimedMessage> lost = outbox.markDelivered(batch);

        assertThat(lost).extracting(ClaimedMessage::id).containsExactly(overtaken.id());
        assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.DELIVERED, 4L)
                .containsEntry(OutboxStatus.IN_FLIGHT, 1L);
        assertThat(outbox.markDelivered(batch)).as("delivered ones are finished").hasSize(5);
        assertThat(outbox.markDelivered(List.of())).isEmpty();
    }

    @Test
    void deliveriesOfSeveralClaimsAndMoreThanOneStatementAreMarkedEachUnderItsOwnLease() {
        enqueueAll("first", Outbox.MARK_DELIVERED_CHUNK + 1);
        List<ClaimedMessage> first = outbox.claim("worker-a", Outbox.MARK_DELIVERED_CHUNK + 1, LEASE);
        enqueueAll("second", 3);
        List<ClaimedMessage> second = outbox.claim("worker-a", 3, LEASE);
        ClaimedMessage lastOfFirst = first.get(first.size() - 1);
        ClaimedMessage overtaken = second.get(1);
        execute("UPDATE ozg_outbox SET lease_token = 'taken-over-by-worker-b' WHERE id = ?", overtaken.id());
        // a lease token belongs to its own claim: the second claim's token does not mark the first claim's message
        ClaimedMessage foreignToken = new ClaimedMessage(lastOfFirst.id(), lastOfFirst.idempotencyKey(),
                lastOfFirst.destination(), lastOfFirst.payload(), lastOfFirst.attempt(), second.get(0).leaseToken(),
                lastOfFirst.leaseUntil());
        List<ClaimedMessage> mixed = new ArrayList<>(second);
        mixed.add(foreignToken);
        mixed.addAll(first);

        List<ClaimedMessage> lost = outbox.markDelivered(mixed);

        assertThat(lost).extracting(ClaimedMessage::id).containsExactly(overtaken.id(), lastOfFirst.id());
        assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.DELIVERED, (long) first.size() + 2)
                .containsEntry(OutboxStatus.IN_FLIGHT, 1L);
    }

    @Test
    void failedAttemptIsRetriedAfterExponentialBackoff() {
        outbox.enqueue(message("antrag-9"));
        ClaimedMessage first = outbox.claim("worker-a", 10, LEASE).get(0);

        assertThat(outbox.markFailed(first.id(), first.leaseToken(), new IOException("503 from intake")))
                .isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.find(first.id()).orElseThrow().nextAttemptAt())
                .isEqualTo(clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(outbox.claim("worker-a", 10, LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        ClaimedMessage second = outbox.claim("worker-a", 10, LEASE).get(0);
        outbox.markFailed(second.id(), second.leaseToken(), new IOException("503 again"));

        assertThat(outbox.find(first.id()).orElseThrow().nextAttemptAt())
                .isEqualTo(clock.instant().plusSeconds(60));
    }

    @Test
    void backoffDoublesPerAttemptUpToTheCap() {
        Outbox longRunning = Outbox.builder(db).backoffBase(Duration.ofSeconds(30)).backoffCap(Duration.ofHours(6))
                .build();

        assertThat(longRunning.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(longRunning.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(longRunning.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(longRunning.backoff(12)).isEqualTo(Duration.ofHours(6));
        assertThat(longRunning.backoff(1000)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void retryPauseIsJitteredBetweenHalfAndAllOfTheBackoff() {
        Outbox lowest = Outbox.builder(db).backoffBase(Duration.ofSeconds(30)).random(new FixedDraw(false)).build();
        Outbox highest = Outbox.builder(db).backoffBase(Duration.ofSeconds(30)).random(new FixedDraw(true)).build();
        Outbox random = Outbox.builder(db).backoffBase(Duration.ofSeconds(30)).random(new Random(7)).build();

        assertThat(lowest.retryDelay(3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(highest.retryDelay(3)).isEqualTo(Duration.ofSeconds(120));
        List<Duration> delays = IntStream.range(0, 200).mapToObj(i -> random.retryDelay(3)).toList();
        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120)));
        assertThat(delays.stream().distinct().count()).as("spread, not one value").isGreaterThan(100);
    }

    @Test
    void failedAttemptIsDueAgainAfterTheJitteredPause() {
        Outbox jittered = Outbox.builder(db).clock(clock).backoffBase(Duration.ofSeconds(30))
                .random(new FixedDraw(false)).build();
        jittered.enqueue(message("antrag-jitter"));
        ClaimedMessage claimed = jittered.claim("worker-a", 10, LEASE).get(0);

        jittered.markFailed(claimed.id(), claimed.leaseToken(), new IOException("503"));

        assertThat(jittered.find(claimed.id()).orElseThrow().nextAttemptAt())
                .isEqualTo(clock.instant().plusSeconds(15));
    }

    @Test
    void requeueGivesADeadEntryAFreshRoundOfAttempts() {
        OutboxEntry entry = killed("antrag-requeue");

        OutboxEntry requeued = outbox.requeue(entry.id());

        assertThat(requeued.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(requeued.attempts()).isZero();
        assertThat(requeued.nextAttemptAt()).isEqualTo(clock.instant());
        assertThat(requeued.lastError()).contains("java.io.IOException: refused");
        ClaimedMessage again = outbox.claim("worker-b", 10, LEASE).get(0);
        assertThat(again.id()).isEqualTo(entry.id());
        assertThat(again.idempotencyKey()).isEqualTo("antrag-requeue");
        assertThat(outbox.markFailed(again.id(), again.leaseToken(), new IOException("still down")))
                .as("a new round, not dead at once").isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void requeueRefusesEntriesThatAreNotDead() {
        OutboxEntry pending = outbox.enqueue(message("antrag-pending"));

        assertThatThrownBy(() -> outbox.requeue(pending.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("PENDING");
        assertThatThrownBy(() -> outbox.requeue(UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class);
        assertThat(outbox.find(pending.id()).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void deadListsOnlyDeadEntriesOldestFirst() {
        OutboxEntry first = killed("antrag-dead-1");
        outbox.enqueue(message("antrag-alive"));
        clock.advance(Duration.ofSeconds(1));
        OutboxEntry second = killed("antrag-dead-2");

        assertThat(outbox.dead(10)).extracting(OutboxEntry::id).containsExactly(first.id(), second.id());
        assertThat(outbox.dead(1)).extracting(OutboxEntry::id).containsExactly(first.id());
        assertThatThrownBy(() -> outbox.dead(0)).isInstanceOf(InvalidInputException.class);
    }

    /** Enqueues a message and fails its only attempt (an outbox with maxAttempts 1), so that it is dead. */
    private OutboxEntry killed(String key) {
        Outbox single = Outbox.builder(db).clock(clock).maxAttempts(1).build();
        OutboxEntry entry = single.enqueue(message(key));
        ClaimedMessage claimed = single.claim("worker-a", 10, LEASE).stream()
                .filter(m -> m.id().equals(entry.id())).findFirst().orElseThrow();
        assertThat(single.markFailed(claimed.id(), claimed.leaseToken(), new IOException("refused")))
                .isEqualTo(OutboxStatus.DEAD);
        return entry;
    }

    /** Draws always the lowest or always the highest allowed value, so that pauses are exact. */
    private static final class FixedDraw implements RandomGenerator {
        private final boolean highest;

        FixedDraw(boolean highest) {
            this.highest = highest;
        }

        @Override
        public long nextLong() {
            return highest ? Long.MAX_VALUE : 0;
        }

        @Override
        public long nextLong(long bound) {
            return highest ? bound - 1 : 0;
        }
    }

    @Test
    void deadLettersAfterMaxAttemptsKeepingTheLastError() {
        OutboxEntry entry = outbox.enqueue(message("antrag-10"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            ClaimedMessage claimed = outbox.claim("worker-a", 10, LEASE).get(0);
            OutboxStatus status = outbox.markFailed(claimed.id(), claimed.leaseToken(),
                    new IOException("intake refused, attempt " + attempt));
            assertThat(status).isEqualTo(attempt < 3 ? OutboxStatus.PENDING : OutboxStatus.DEAD);
            clock.advance(Duration.ofMinutes(1));
        }

        OutboxEntry dead = outbox.find(entry.id()).orElseThrow();
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).contains("java.io.IOException: intake refused, attempt 3");
        clock.advance(Duration.ofDays(1));
        assertThat(outbox.claim("worker-a", 10, LEASE)).isEmpty();
    }

    @Test
    void truncatesLongErrors() {
        outbox.enqueue(message("antrag-11"));
        ClaimedMessage claimed = outbox.claim("worker-a", 10, LEASE).get(0);

        outbox.markFailed(claimed.id(), claimed.leaseToken(), new IOException("x".repeat(5000)));

        assertThat(outbox.find(claimed.id()).orElseThrow().lastError().orElseThrow())
                .hasSize(Outbox.MAX_ERROR_LENGTH)
                .startsWith("java.io.IOException: xxx");
    }

    @Test
    void dispatcherDeliversAndSchedulesFailuresForRetry() {
        outbox.enqueue(message("antrag-ok"));
        outbox.enqueue(message("antrag-fails"));
        List<String> delivered = new ArrayList<>();
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, message -> {
            if (message.idempotencyKey().equals("antrag-fails")) {
                throw new IOException("connection reset");
            }
            delivered.add(message.idempotencyKey());
        }).workerId("dispatcher-1").build();

        assertThat(dispatcher.drainOnce()).isEqualTo(2);

        assertThat(delivered).containsExactly("antrag-ok");
        assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.DELIVERED, 1L)
                .containsEntry(OutboxStatus.PENDING, 1L).containsEntry(OutboxStatus.IN_FLIGHT, 0L);
        assertThat(outbox.findByIdempotencyKey("antrag-fails").orElseThrow().lastError())
                .contains("java.io.IOException: connection reset");
    }

    @Test
    void markDeadDeadLettersAtOnceWithTheReason() {
        OutboxEntry entry = outbox.enqueue(message("antrag-refused"));
        ClaimedMessage claimed = outbox.claim("worker-a", 10, LEASE).get(0);

        outbox.markDead(claimed.id(), claimed.leaseToken(), new IOException("HTTP 400: schema violation"));

        OutboxEntry dead = outbox.find(entry.id()).orElseThrow();
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(1);
        assertThat(dead.lastError()).contains("java.io.IOException: HTTP 400: schema violation");
        clock.advance(Duration.ofDays(1));
        assertThat(outbox.claim("worker-a", 10, LEASE)).isEmpty();
        assertThatThrownBy(() -> outbox.markDead(claimed.id(), claimed.leaseToken(), new IOException("again")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void dispatcherDeadLettersAPermanentFailureAtOnceAndRetriesOthers() throws Exception {
        outbox.enqueue(message("antrag-invalid"));
        outbox.enqueue(message("antrag-flaky"));
        OutboxDelivery delivery = new OutboxDelivery() {
            @Override
            public void deliver(ClaimedMessage message) throws IOException {
                throw new IOException(message.idempotencyKey().equals("antrag-invalid") ? "refused" : "timeout");
            }

            @Override
            public boolean isPermanent(Exception failure) {
                return "refused".equals(failure.getMessage());
            }
        };
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, delivery).workerId("dispatcher-2").build();

        assertThat(dispatcher.drainOnce()).isEqualTo(2);

        OutboxEntry invalid = outbox.findByIdempotencyKey("antrag-invalid").orElseThrow();
        assertThat(invalid.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(invalid.attempts()).isEqualTo(1);
        assertThat(invalid.lastError()).contains("java.io.IOException: refused");
        assertThat(outbox.findByIdempotencyKey("antrag-flaky").orElseThrow().status())
                .isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void startedDispatcherDeliversOnItsOwnThread() throws Exception {
        outbox.enqueue(message("antrag-background"));
        CountDownLatch delivered = new CountDownLatch(1);
        List<String> threads = new ArrayList<>();

        try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, message -> {
            threads.add(Thread.currentThread().getName());
            delivered.countDown();
        }).workerId("background").pollInterval(Duration.ofMillis(20)).build().start()) {
            assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(threads).containsExactly("ozg-outbox-background");
        assertThat(outbox.findByIdempotencyKey("antrag-background").orElseThrow().status())
                .isEqualTo(OutboxStatus.DELIVERED);
    }

    @Test
    void sealsPayloadsAtRestWhenGivenASealer() {
        Outbox sealing = Outbox.builder(db).clock(clock)
                .sealer(Sealer.builder().key("2026-11", DraftStoreContract.key(9)).build()).build();
        OutboxEntry entry = sealing.enqueue(message("antrag-sealed"));

        long plainRows = count("SELECT COUNT(*) FROM ozg_outbox WHERE payload = ?", payload("antrag-sealed"));
        ClaimedMessage claimed = sealing.claim("worker-a", 10, LEASE).get(0);

        assertThat(plainRows).isZero();
        assertThat(claimed.payload()).isEqualTo(payload("antrag-sealed"));
        assertThat(sealing.find(entry.id()).orElseThrow().payload()).isEqualTo(payload("antrag-sealed"));
    }

    @Test
    void twoWorkersDeliverTenThousandEntriesExactlyOnce() throws Exception {
        int total = 10_000;
        db.runInTransaction(connection -> {
            for (int i = 0; i < total; i++) {
                outbox.enqueue(connection, message("bulk-" + i));
            }
        });
        Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String workerId : List.of("worker-a", "worker-b")) {
                OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox,
                        message -> deliveries.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet())
                        .workerId(workerId).batchSize(100).build();
                running.add(workers.submit(() -> {
                    // A claim can come back empty while the other worker holds the remaining rows: go on until done.
                    while (deliveries.size() < total) {
                        dispatcher.drainOnce();
                    }
                }));
            }
            for (Future<?> worker : running) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }

        assertThat(deliveries).hasSize(total);
        assertThat(deliveries.values()).allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
        assertThat(count("SELECT COUNT(*) FROM ozg_outbox WHERE status = 'DELIVERED' AND attempts = 1"))
                .isEqualTo(total);
        assertThat(count("SELECT COUNT(DISTINCT lease_owner) FROM ozg_outbox")).isEqualTo(2);
    }

    private static OutboxMessage message(String key) {
        return OutboxMessage.of(key, "fachverfahren", payload(key));
    }

    private static byte[] payload(String text) {
        return ("<xoev>" + text + "</xoev>").getBytes(StandardCharsets.UTF_8);
    }
}
