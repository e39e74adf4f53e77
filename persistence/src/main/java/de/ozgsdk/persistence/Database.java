package de.ozgsdk.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.persistence.internal.Dialect;
import de.ozgsdk.persistence.internal.Migrations;
import de.ozgsdk.persistence.internal.SqlFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's database: a connection pool (HikariCP) on H2 or PostgreSQL whose {@code ozg_*} tables are migrated with
 * Flyway at start, with transaction helpers so that callers can write their own rows and outbox entries atomically.
 *
 * <pre>{@code
 * try (Database db = Database.h2File(dataDir)) { // or Database.postgres(url, user, password)
 *     Outbox outbox = Outbox.builder(db).build();
 *     db.runInTransaction(conn -> {
 *         // ... insert the application into your own table with conn ...
 *         outbox.enqueue(conn, OutboxMessage.of("application-4711", "fachverfahren", xml));
 *     }); // both rows, or neither
 * }
 * }</pre>
 *
 * <p>H2 (file) is the embedded default for a single portal instance; PostgreSQL is the production database when
 * several instances share the data. The SDK's migrations keep their own history table ({@value
 * Migrations#HISTORY_TABLE}) and only create tables prefixed {@code ozg_}, so they live beside a user's schema.
 * Instances are thread-safe; create one per application and close it at shutdown.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Lock timeout for H2 connections that do not set one in their URL. */
    static final int H2_LOCK_TIMEOUT_MILLIS = 10_000;
    /** Parsed statements H2 keeps per connection for {@link #h2InMemory}. */
    static final int H2_QUERY_CACHE = 128;
    /** Fewest pooled connections: Flyway holds a second connection (its lock) while it migrates on the first. */
    static final int MINIMUM_POOL_SIZE = 2;
    private static final Pattern H2_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final Dialect dialect;
    private final boolean inMemoryH2;

    private Database(DataSource dataSource, HikariDataSource ownedPool, boolean inMemoryH2) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.inMemoryH2 = inMemoryH2;
        this.dialect = detectDialect(dataSource);
        Migrations.migrate(dataSource, dialect);
        LOG.info("OZG database ready ({})", dialect);
    }

    /**
     * An H2 database stored in the file {@code ozg.mv.db} under {@code directory} (created if missing); only one
     * process may open it at a time.
     */
    public static Database h2File(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ConfigurationException(PersistenceError.DATABASE_UNREACHABLE, e, directory,
                    "directory cannot be created");
        }
        return builder().jdbcUrl("jdbc:h2:file:" + directory.toAbsolutePath().resolve("ozg")).build();
    }

    /**
     * An H2 database in memory under {@code name} (letters, digits, {@code _-}), for tests and demos: it lives until
     * {@link #close()}, and another {@code Database} opened with the same name in the same JVM shares it meanwhile.
     */
    public static Database h2InMemory(String name) {
        Objects.requireNonNull(name, "name");
        if (!H2_NAME.matcher(name).matches()) {
            throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "name",
                    "1 to 64 letters, digits, _ or -");
        }
        // H2 parses every statement again unless it is in the connection's query cache (8 by default): the SDK's
        // stores use more distinct statements than that, so pooled connections kept evicting and re-parsing them
        return builder().jdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=" + H2_QUERY_CACHE)
                .build();
    }

    /**
     * A PostgreSQL database (12 or newer: the outbox claim uses a MATERIALIZED CTE; CI tests 15) at {@code jdbcUrl}
     * ({@code jdbc:postgresql://host:5432/db}).
     */
    public static Database postgres(String jdbcUrl, String user, String password) {
        return builder().jdbcUrl(jdbcUrl).credentials(user, password).build();
    }

    /**
     * Uses a {@link DataSource} the caller already has (e.g. the application server's pool) on H2 or PostgreSQL;
     * {@link #close()} leaves it open, since its owner closes it.
     */
    public static Database of(DataSource dataSource) {
        return new Database(Objects.requireNonNull(dataSource, "dataSource"), null, false);
    }

    /** Starts a database with its own connection pool; set at least the JDBC URL. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code work} in one transaction and returns its result: it commits when {@code work} returns and rolls
     * back when it throws.
     *
     * @throws de.ozgsdk.core.ProcessingException if the database fails (an {@link java.sql.SQLException} from
     *     {@code work} is wrapped; runtime exceptions pass through unchanged after the rollback)
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.execute(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw SqlFailures.failed("transaction", e);
        }
    }

    /** Like {@link #inTransaction}, for work without a result. */
    public void runInTransaction(TransactionAction action) {
        Objects.requireNonNull(action, "action");
        inTransaction(connection -> {
            action.execute(connection);
            return null;
        });
    }

    /** The pooled data source, for the caller's own tables in the same database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Closes the connection pool if this object created it; an in-memory H2 database is discarded. */
    @Override
    public void close() {
        if (ownedPool == null || ownedPool.isClosed()) {
            return;
        }
        if (inMemoryH2) {
            shutDownInMemoryH2();
        }
        ownedPool.close();
        LOG.info("OZG database closed ({})", dialect);
    }

    private void shutDownInMemoryH2() {
        try (Connection connection = ownedPool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // H2 reports the connection it just closed by SHUTDOWN as "database closed" (90121) when the pool resets it.
            if (!"90121".equals(e.getSQLState())) {
                LOG.warn("in-memory H2 database did not shut down cleanly (SQLState {})", e.getSQLState());
            }
        }
    }

    Dialect dialect() {
        return dialect;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * An H2 URL with a lock timeout of 10 s unless it sets one itself: claims wait briefly on row locks held by another
     * worker's claim, and H2's default of 1 s is too tight for that. Every H2 URL gets it, from {@link #h2File},
     * {@link #h2InMemory} or the builder alike.
     */
    static String withH2LockTimeout(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.toUpperCase(Locale.ROOT).contains(";LOCK_TIMEOUT=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";LOCK_TIMEOUT=" + H2_LOCK_TIMEOUT_MILLIS;
    }

    private static Dialect detectDialect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.of(connection);
        } catch (SQLException e) {
            throw new ConfigurationException(PersistenceError.DATABASE_UNREACHABLE, e, "data source",
                    e.getSQLState());
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Configures a {@link Database} with its own HikariCP pool. */
    public static final class Builder {
        private String jdbcUrl;
        private String user;
        private String password;
        private int maximumPoolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * The JDBC URL of an H2 ({@code jdbc:h2:}) or PostgreSQL ({@code jdbc:postgresql:}) database; required. An H2
         * URL without {@code ;LOCK_TIMEOUT=} gets a lock timeout of 10 s, as from {@link Database#h2File}.
         */
        public Builder jdbcUrl(String jdbcUrl) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "jdbcUrl",
                        "must start with jdbc:h2: or jdbc:postgresql:");
            }
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /** User and password for the database (default: none, as for an embedded H2). */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Upper bound of pooled connections, 2 to 1000 (default 10): the schema migration at start holds two
         * connections at once, so a pool of one would wait for itself and fail.
         */
        public Builder maximumPoolSize(int maximumPoolSize) {
            if (maximumPoolSize < MINIMUM_POOL_SIZE || maximumPoolSize > 1000) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "maximumPoolSize",
                        "between " + MINIMUM_POOL_SIZE + " and 1000 (the schema migration at start uses two"
                                + " connections at once)");
            }
            this.maximumPoolSize = maximumPoolSize;
            return this;
        }

        /** How long to wait for a free connection before failing, at least 250 ms (default 10 s). */
        public Builder connectionTimeout(Duration connectionTimeout) {
            Objects.requireNonNull(connectionTimeout, "connectionTimeout");
            if (connectionTimeout.toMillis() < 250) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "connectionTimeout",
                        "at least 250 ms");
            }
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /** Opens the pool and migrates the schema. */
        public Database build() {
            if (jdbcUrl == null) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "jdbcUrl", "required");
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(withH2LockTimeout(jdbcUrl));
            if (user != null) {
                config.setUsername(user);
                config.setPassword(password);
            }
            config.setMaximumPoolSize(maximumPoolSize);
            config.setConnectionTimeout(connectionTimeout.toMillis());
            config.setPoolName("ozg-db");
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new ConfigurationException(PersistenceError.DATABASE_UNREACHABLE, e, withoutParameters(jdbcUrl),
                        e.getClass().getSimpleName());
            }
            try {
                return new Database(pool, pool, jdbcUrl.startsWith("jdbc:h2:mem:"));
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }

        /** The URL without its parameters, which may hold a password. */
        private static String withoutParameters(String url) {
            int end = url.length();
            for (char separator : new char[] {'?', ';'}) {
                int index = url.indexOf(separator);
                if (index >= 0) {
                    end = Math.min(end, index);
                }
            }
            return url.substring(0, end);
        }
    }
}
