package de.ozgsdk.portal.tenant;

import de.ozgsdk.persistence.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Named;

/**
 * Fresh SDK databases for the portal's tests: in-memory H2 always, and a PostgreSQL schema of its own (dropped on
 * {@link #close()}) when {@code OZG_TEST_POSTGRES_URL} is set. {@link #open()} opens another connection pool on the
 * same database, as a second portal node would.
 */
public final class PortalTestDatabases implements AutoCloseable {

    /** The variable that names the PostgreSQL test database. */
    public static final String POSTGRES_URL = "OZG_TEST_POSTGRES_URL";

    private final String h2Name;
    private final String postgresSchema;
    private final List<Database> opened = new ArrayList<>();

    private PortalTestDatabases(String h2Name, String postgresSchema) {
        this.h2Name = h2Name;
        this.postgresSchema = postgresSchema;
    }

    /** The databases to run a test on: H2, and PostgreSQL when configured. */
    public static List<Named<Supplier<PortalTestDatabases>>> kinds() {
        List<Named<Supplier<PortalTestDatabases>>> kinds = new ArrayList<>();
        kinds.add(Named.of("H2", PortalTestDatabases::h2));
        if (System.getenv(POSTGRES_URL) != null) {
            kinds.add(Named.of("PostgreSQL", PortalTestDatabases::postgres));
        }
        return kinds;
    }

    /** A new in-memory H2 database. */
    public static PortalTestDatabases h2() {
        return new PortalTestDatabases("portal_" + UUID.randomUUID().toString().replace("-", ""), null);
    }

    /** A new schema in the PostgreSQL test database. */
    public static PortalTestDatabases postgres() {
        String schema = "ozg_portal_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        return new PortalTestDatabases(null, schema);
    }

    /** Opens a connection pool on the database (migrated); closed with this object. */
    public Database open() {
        Database database;
        if (postgresSchema == null) {
            database = Database.h2InMemory(h2Name);
        } else {
            String url = System.getenv(POSTGRES_URL);
            String separator = url.contains("?") ? "&" : "?";
            database = Database.postgres(url + separator + "currentSchema=" + postgresSchema, user(), password());
        }
        opened.add(database);
        return database;
    }

    @Override
    public void close() {
        // The first H2 pool closed shuts the in-memory database down: close the others first.
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        if (postgresSchema != null) {
            execute("DROP SCHEMA " + postgresSchema + " CASCADE");
        }
    }

    private static String user() {
        return System.getenv().getOrDefault("OZG_TEST_POSTGRES_USER", "ozg_test");
    }

    private static String password() {
        return System.getenv().getOrDefault("OZG_TEST_POSTGRES_PASSWORD", "ozg_test");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(System.getenv(POSTGRES_URL), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test set-up failed: " + sql, e);
        }
    }
}
