package de.ozgsdk.portal.abuse.internal;

import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.portal.PortalError;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * A Bucket4j proxy manager over plain JDBC that runs unchanged on H2 and PostgreSQL (Bucket4j's own JDBC modules
 * have no H2): table {@code ozg_portal_rate_bucket} (migration V11), one row per bucket, changed by compare-and-swap
 * on the whole serialised state. Each statement runs in auto-commit, so a lost race is a plain "swap failed", which
 * Bucket4j retries with the fresh state; no row lock is held between the read and the write.
 */
public final class JdbcBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    private static final String SQL_STATE_UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final TimeMeter time;

    /** Buckets in {@code dataSource}, with {@code time} as the clock of every node (wall-clock based). */
    public JdbcBuckets(DataSource dataSource, TimeMeter time) {
        super(ClientSideConfig.getDefault().withClientClock(time));
        this.dataSource = dataSource;
        this.time = time;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return run("read bucket", connection -> {
                    try (PreparedStatement select = connection.prepareStatement(
                            "SELECT state FROM ozg_portal_rate_bucket WHERE bucket_key = ?")) {
                        select.setString(1, key);
                        try (ResultSet row = select.executeQuery()) {
                            return row.next() ? Optional.of(row.getBytes(1)) : Optional.<byte[]>empty();
                        }
                    }
                });
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                    Optional<Long> timeoutNanos) {
                long now = time.currentTimeNanos();
                OffsetDateTime expires = timestamp(now + newState.calculateFullRefillingTime(now));
                return run("write bucket", connection -> originalData == null
                        ? insert(connection, key, newData, expires)
                        : update(connection, key, originalData, newData, expires));
            }
        };
    }

    private static boolean insert(Connection connection, String key, byte[] data, OffsetDateTime expires)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ozg_portal_rate_bucket (bucket_key, state, expires_at) VALUES (?, ?, ?)")) {
            insert.setString(1, key);
            insert.setBytes(2, data);
            insert.setObject(3, expires);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (SQL_STATE_UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false; // another node created the bucket first: Bucket4j reads it and tries again
            }
            throw e;
        }
    }

    private static boolean update(Connection connection, String key, byte[] original, byte[] data,
            OffsetDateTime expires) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ozg_portal_rate_bucket SET state = ?,"
                + " expires_at = ? WHERE bucket_key = ? AND state = ?")) {
            update.setBytes(1, data);
            update.setObject(2, expires);
            update.setString(3, key);
            update.setBytes(4, original);
            return update.executeUpdate() == 1;
        }
    }

    /** Deletes the buckets that are full again (they would start full anyway); returns how many. */
    public int purgeExpired(Instant now) {
        return run("purge buckets", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ozg_portal_rate_bucket WHERE expires_at < ?")) {
                delete.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                return delete.executeUpdate();
            }
        });
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("JDBC buckets are synchronous");
    }

    @Override
    public void removeProxy(String key) {
        run("remove bucket", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ozg_portal_rate_bucket WHERE bucket_key = ?")) {
                delete.setString(1, key);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("JDBC buckets are synchronous");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    private static OffsetDateTime timestamp(long epochNanos) {
        Instant instant = Instant.ofEpochSecond(0, epochNanos).truncatedTo(ChronoUnit.MICROS);
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** One statement on its own auto-commit connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T run(String operation, Work<T> work) {
        return run(dataSource, operation, work);
    }

    static <T> T run(DataSource dataSource, String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw new ProcessingException(PortalError.ABUSE_STORE_FAILED, e, operation, e.getSQLState());
        }
    }
}
