package de.ozgsdk.sandbox.payment;

import de.ozgsdk.persistence.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh SDK database for one test: in-memory H2, or a PostgreSQL schema of its own (dropped on close) when
 * {@code OZG_TEST_POSTGRES_URL} is set.
 */
final class PaymentDatabase implements AutoCloseable {

    private static final String URL = System.getenv("OZG_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("OZG_TEST_POSTGRES_USER", "ozg_test");
    private static final String PASSWORD = System.getenv().getOrDefault("OZG_TEST_POSTGRES_PASSWORD", "ozg_test");

    private final Database database;
    private final String schema;

    private PaymentDatabase(Database database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    /** The kinds of database to test on: always {@code h2}, {@code postgresql} when configured. */
    static List<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of("h2"));
        if (URL != null && !URL.isBlank()) {
            kinds.add("postgresql");
        }
        return kinds;
    }

    static PaymentDatabase open(String kind) {
        String name = "ozg_pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        if (kind.equals("h2")) {
            return new PaymentDatabase(Database.h2InMemory(name), null);
        }
        execute("CREATE SCHEMA " + name);
        String separator = URL.contains("?") ? "&" : "?";
        return new PaymentDatabase(Database.postgres(URL + separator + "currentSchema=" + name, USER, PASSWORD), name);
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test set-up failed: " + sql, e);
        }
    }
}
