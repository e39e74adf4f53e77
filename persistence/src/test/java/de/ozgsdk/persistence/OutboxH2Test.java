package de.ozgsdk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class OutboxH2Test extends OutboxContract {

    private static final Duration LEASE = Duration.ofMinutes(5);

    @Override
    DatabaseFixture createFixture() {
        return DatabaseFixture.h2();
    }

    @Test
    void concurrentClaimsTakeTurnsSoEachGetsAFullBatchWhileEnoughIsDue() throws Exception {
        TestClock clock = TestClock.atDefaultStart();
        Outbox outbox = Outbox.builder(db).clock(clock).build();
        for (int i = 0; i < 150; i++) {
            outbox.enqueue(message("stale-" + i));
        }
        assertThat(outbox.claim("worker-crashed", 150, LEASE)).hasSize(150);
        clock.advance(LEASE);
        for (int i = 0; i < 150; i++) {
            outbox.enqueue(message("fresh-" + i));
        }
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        Map<UUID, String> owners = new ConcurrentHashMap<>();
        List<UUID> leasedTwice = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String workerId = "worker-" + w;
                running.add(workers.submit(() -> {
                    start.await();
                    List<ClaimedMessage> batch;
                    do {
                        batch = outbox.claim(workerId, 7, LEASE);
                        sizes.add(batch.size());
                        batch.forEach(m -> {
                            if (owners.putIfAbsent(m.id(), workerId) != null) {
                                leasedTwice.add(m.id());
                            }
                        });
                    } while (!batch.isEmpty());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : running) {
                worker.get(60, TimeUnit.SECONDS); // a deadlock or lock timeout would surface here
            }
        } finally {
            workers.shutdownNow();
        }

        assertThat(leasedTwice).isEmpty();
        assertThat(owners).hasSize(300);
        // one claim after the other: each takes a full batch while at least 7 are due (300 = 42 * 7 + 6); claims
        // that ran side by side would lose candidates to each other and come back short
        List<Integer> nonEmpty = new ArrayList<>(sizes.stream().filter(size -> size > 0).sorted().toList());
        assertThat(nonEmpty).hasSize(43).first().isEqualTo(6);
        assertThat(nonEmpty.subList(1, nonEmpty.size())).containsOnly(7);
    }

    @Test
    void claimThatH2UndoesToBreakADeadlockComesBackEmptyAndLeavesItsEntriesDue() throws Exception {
        AtomicBoolean deadlock = new AtomicBoolean(true);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:deadlock_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        try (Database faulty = Database.of(deadlockOnClaimUpdate(h2, deadlock))) {
            TestClock clock = TestClock.atDefaultStart();
            Outbox outbox = Outbox.builder(faulty).clock(clock).build();
            for (int i = 0; i < 3; i++) {
                outbox.enqueue(message("antrag-" + i));
            }

            assertThat(outbox.claim("worker-a", 10, LEASE)).as("undone by H2: nothing claimed").isEmpty();
            assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.PENDING, 3L)
                    .containsEntry(OutboxStatus.IN_FLIGHT, 0L);

            deadlock.set(false);
            assertThat(outbox.claim("worker-a", 10, LEASE)).as("the next round claims them, first attempt")
                    .hasSize(3).allSatisfy(message -> assertThat(message.attempt()).isEqualTo(1));
        }
    }

    /**
     * {@code dataSource}, except that while {@code deadlock} is set the claiming update fails the way H2 reports a
     * deadlock it broke by undoing this transaction (SQLState 40001), after the claim took its lock and read its rows.
     */
    private static DataSource deadlockOnClaimUpdate(DataSource dataSource, AtomicBoolean deadlock) {
        InvocationHandler connections = (proxy, method, args) -> {
            Object result = invoke(dataSource, method, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return Proxy.newProxyInstance(OutboxH2Test.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (connectionProxy, connectionMethod, connectionArgs) -> {
                        Object made = invoke(connection, connectionMethod, connectionArgs);
                        if (made instanceof PreparedStatement statement
                                && connectionMethod.getName().equals("prepareStatement")
                                && ((String) connectionArgs[0]).contains("UPDATE ozg_outbox SET status = 'IN_FLIGHT'")) {
                            return failingQueries(statement, deadlock);
                        }
                        return made;
                    });
        };
        return (DataSource) Proxy.newProxyInstance(OutboxH2Test.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, connections);
    }

    private static PreparedStatement failingQueries(PreparedStatement statement, AtomicBoolean deadlock) {
        return (PreparedStatement) Proxy.newProxyInstance(OutboxH2Test.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("executeQuery") && deadlock.get()) {
                        throw new SQLTransactionRollbackException("Deadlock detected", "40001", 40001);
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static OutboxMessage message(String key) {
        return OutboxMessage.of(key, "fachverfahren", ("<xoev>" + key + "</xoev>").getBytes(StandardCharsets.UTF_8));
    }
}
