package de.ozgsdk.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Opens a fresh, isolated SDK database for one test class: an in-memory H2 database, or a PostgreSQL schema of its
 * own (dropped afterwards) when {@code OZG_TEST_POSTGRES_URL} is set.
 */
abstract class DatabaseFixture implements AutoCloseable {

    static final String POSTGRES_URL_VARIABLE = "OZG_TEST_POSTGRES_URL";

    abstract Database open();

    @Override
    public abstract void close();

    static DatabaseFixture h2() {
        return new H2();
    }

    static DatabaseFixture postgres() {
        return new Postgres(System.getenv(POSTGRES_URL_VARIABLE),
                System.getenv().getOrDefault("OZG_TEST_POSTGRES_USER", "ozg_test"),
                System.getenv().getOrDefault("OZG_TEST_POSTGRES_PASSWORD", "ozg_test"));
    }

    private static final class H2 extends DatabaseFixture {
        private final String name = "ozg_test_" + UUID.randomUUID().toString().replace("-", "");

        @Override
        Database open() {
            return Database.h2InMemory(name);
        }

        @Override
        public void close() {
            // Database.close() discards the in-memory database.
        }
    }

    private static final class Postgres extends DatabaseFixture {
        private final String url;
        private final String user;
        private final String password;
        private final String schema = "ozg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);

        Postgres(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
            execute("CREATE SCHEMA " + schema);
        }

        @Override
        Database open() {
            String separator = url.contains("?") ? "&" : "?";
            // Commits without waiting for the disk flush: the tests check logic, not durability, and 10,000 outbox
            // entries would otherwise wait for 10,000 flushes.
            return Database.postgres(url + separator + "currentSchema=" + schema
                    + "&options=-c%20synchronous_commit%3Doff", user, password);
        }

        @Override
        public void close() {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }

        private void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL test set-up failed: " + sql, e);
            }
        }
    }
}
