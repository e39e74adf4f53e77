package de.ozgsdk.bench.persistence;

import de.ozgsdk.persistence.ClaimedMessage;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of the outbox's delivery bookkeeping: one message enqueued (own transaction), claimed with a lease and
 * marked delivered, against the baseline of a bare JDBC insert of the same row into the same table. The ratio of the
 * scores is what reliable delivery costs over "just write it down". Runs on embedded in-memory H2 and, with
 * {@code -p database=h2,postgresql}, on the PostgreSQL of {@code OZG_TEST_POSTGRES_URL} (user and password from
 * {@code OZG_TEST_POSTGRES_USER}/{@code _PASSWORD}), each trial in a fresh schema of its own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class OutboxBenchmark {

    private static final byte[] PAYLOAD = new byte[2048];
    private static final String BARE_INSERT = "INSERT INTO ozg_outbox (id, idempotency_key, destination, payload,"
            + " status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)";

    /** Messages per batch: the dispatcher's default batch size is 50, a busy portal would use 100. */
    static final int BATCH = 100;

    /** {@code h2} (in memory) or {@code postgresql} ({@code OZG_TEST_POSTGRES_URL}). */
    @Param({"h2"})
    public String database;

    private final AtomicLong sequence = new AtomicLong();
    private Database db;
    private Outbox outbox;
    private String schema;

    @Setup(Level.Trial)
    public void openDatabase() throws SQLException {
        String name = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (database.equals("h2")) {
            db = Database.h2InMemory(name);
        } else {
            String url = System.getenv("OZG_TEST_POSTGRES_URL");
            if (url == null) {
                throw new IllegalStateException("set OZG_TEST_POSTGRES_URL to run on PostgreSQL");
            }
            schema = name;
            postgresAdmin(url, "CREATE SCHEMA " + schema);
            db = Database.postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user(),
                    password());
        }
        outbox = Outbox.builder(db).build();
    }

    /**
     * Starts every iteration on an empty table: otherwise the faster side of a comparison builds the bigger table (a
     * million rows of 2 KB on H2, all in the heap) and is measured on it.
     */
    @Setup(Level.Iteration)
    public void emptyTable() throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE ozg_outbox");
        }
    }

    @TearDown(Level.Trial)
    public void closeDatabase() throws SQLException {
        db.close();
        if (schema != null) {
            postgresAdmin(System.getenv("OZG_TEST_POSTGRES_URL"), "DROP SCHEMA " + schema + " CASCADE");
        }
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

    /**
     * The same life in batches, per message: {@value #BATCH} messages enqueued each in its own transaction (as
     * applications arrive one by one), claimed in one statement and marked delivered in one batch.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int outboxBatchedEnqueueClaimComplete() {
        for (int i = 0; i < BATCH; i++) {
            outbox.enqueue(OutboxMessage.of("bench-" + sequence.incrementAndGet(), "fachverfahren", PAYLOAD));
        }
        List<ClaimedMessage> claimed = outbox.claim("bench-worker", BATCH, Duration.ofMinutes(5));
        if (claimed.size() != BATCH || !outbox.markDelivered(claimed).isEmpty()) {
            throw new IllegalStateException("claimed " + claimed.size() + " of " + BATCH);
        }
        return claimed.size();
    }

    /** Baseline: the same row written with one prepared INSERT in auto-commit, as code without an outbox would. */
    @Benchmark
    public int bareJdbcInsert() throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = db.dataSource().getConnection();
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

    private static void postgresAdmin(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String user() {
        return System.getenv().getOrDefault("OZG_TEST_POSTGRES_USER", "ozg_test");
    }

    private static String password() {
        return System.getenv().getOrDefault("OZG_TEST_POSTGRES_PASSWORD", "ozg_test");
    }
}
