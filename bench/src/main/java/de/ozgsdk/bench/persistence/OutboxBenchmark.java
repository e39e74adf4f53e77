package de.ozgsdk.bench.persistence;

import de.ozgsdk.persistence.ClaimedMessage;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of the outbox's delivery bookkeeping on embedded H2: one message enqueued (own transaction), claimed with a
 * lease and marked delivered, against the baseline of a bare JDBC insert of the same row into the same table. The
 * ratio of the two scores is what reliable delivery costs over "just write it down".
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class OutboxBenchmark {

    private static final byte[] PAYLOAD = new byte[2048];
    private static final String BARE_INSERT = "INSERT INTO ozg_outbox (id, idempotency_key, destination, payload,"
            + " status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)";

    private final AtomicLong sequence = new AtomicLong();
    private Database database;
    private Outbox outbox;

    @Setup(Level.Trial)
    public void openDatabase() {
        database = Database.h2InMemory("bench_" + UUID.randomUUID().toString().replace("-", ""));
        outbox = Outbox.builder(database).build();
    }

    @TearDown(Level.Trial)
    public void closeDatabase() {
        database.close();
    }

    /** Enqueue, claim one, mark it delivered: the full life of a message that is delivered at the first attempt. */
    @Benchmark
    public ClaimedMessage outboxEnqueueClaimComplete() {
        outbox.enqueue(OutboxMessage.of("bench-" + sequence.incrementAndGet(), "fachverfahren", PAYLOAD));
        List<ClaimedMessage> claimed = outbox.claim("bench-worker", 1, Duration.ofMinutes(5));
        ClaimedMessage message = claimed.get(0);
        outbox.markDelivered(message.id(), message.leaseToken());
        return message;
    }

    /** Baseline: the same row written with one prepared INSERT in auto-commit, as code without an outbox would. */
    @Benchmark
    public int bareJdbcInsert() throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(BARE_INSERT)) {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, "bare-" + sequence.incrementAndGet());
            statement.setString(3, "fachverfahren");
            statement.setBytes(4, PAYLOAD);
            statement.setObject(5, now);
            statement.setObject(6, now);
            return statement.executeUpdate();
        }
    }
}
