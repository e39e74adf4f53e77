package de.ozgsdk.auth;

import de.ozgsdk.persistence.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh SDK database per test: in-memory H2, or a PostgreSQL schema of its own when {@code OZG_TEST_POSTGRES_URL}
 * is set (dropped by {@link #close()}).
 */
final class TestDatabases implements AutoCloseable {

    static final String POSTGRES_URL = "OZG_TEST_POSTGRES_URL";

    private final Database database;
    private final String postgresSchema;

    private TestDatabases(Database database, String postgresSchema) {
        this.database = database;
        this.postgresSchema = postgresSchema;
    }

    static TestDatabases h2() {
        return new TestDatabases(Database.h2InMemory("auth_" + UUID.randomUUID().toString().replace("-", "")), null);
    }

    static TestDatabases postgres() {
        String url = System.getenv(POSTGRES_URL);
        String schema = "ozg_auth_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url, "CREATE SCHEMA " + schema);
        String separator = url.contains("?") ? "&" : "?";
        return new TestDatabases(Database.postgres(url + separator + "currentSchema=" + schema, user(), password()),
                schema);
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
        if (postgresSchema != null) {
            execute(System.getenv(POSTGRES_URL), "DROP SCHEMA " + postgresSchema + " CASCADE");
        }
    }

    private static String user() {
        return System.getenv().getOrDefault("OZG_TEST_POSTGRES_USER", "ozg_test");
    }

    private static String password() {
        return System.getenv().getOrDefault("OZG_TEST_POSTGRES_PASSWORD", "ozg_test");
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test set-up failed: " + sql, e);
        }
    }
}
