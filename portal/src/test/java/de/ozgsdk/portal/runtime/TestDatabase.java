package de.ozgsdk.portal.runtime;

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
 * {@code OZG_TEST_POSTGRES_URL} is set. Several {@link Database} pools on it play several portal nodes.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String URL = System.getenv("OZG_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("OZG_TEST_POSTGRES_USER", "ozg_test");
    private static final String PASSWORD = System.getenv().getOrDefault("OZG_TEST_POSTGRES_PASSWORD", "ozg_test");

    private final String kind;
    private final String name;
    private final List<Database> pools = new ArrayList<>();

    private TestDatabase(String kind) {
        this.kind = kind;
        this.name = "ozg_rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        if (kind.equals("postgresql")) {
            execute("CREATE SCHEMA " + name);
        }
    }

    /** The kinds of database to test on: always {@code h2}, {@code postgresql} when configured. */
    public static List<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of("h2"));
        if (URL != null && !URL.isBlank()) {
            kinds.add("postgresql");
        }
        return kinds;
    }

    public static TestDatabase open(String kind) {
        return new TestDatabase(kind);
    }

    /** A new connection pool on this database: one per simulated node. */
    public Database node() {
        Database database;
        if (kind.equals("h2")) {
            database = Database.h2InMemory(name);
        } else {
            String separator = URL.contains("?") ? "&" : "?";
            database = Database.postgres(URL + separator + "currentSchema=" + name, USER, PASSWORD);
        }
        pools.add(database);
        return database;
    }

    @Override
    public void close() {
        pools.forEach(Database::close);
        if (kind.equals("postgresql")) {
            execute("DROP SCHEMA " + name + " CASCADE");
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
