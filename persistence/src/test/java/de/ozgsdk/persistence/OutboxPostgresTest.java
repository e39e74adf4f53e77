package de.ozgsdk.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = DatabaseFixture.POSTGRES_URL_VARIABLE, matches = ".+")
class OutboxPostgresTest extends OutboxContract {

    @Override
    DatabaseFixture createFixture() {
        return DatabaseFixture.postgres();
    }

    @Override
    void keepWithoutPlannerStatistics(Database database) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE ozg_outbox SET (autovacuum_enabled = false)");
        }
    }

    @Override
    boolean hasPlannerStatistics(Database database) throws Exception {
        // reltuples is -1 until the first VACUUM or ANALYZE (PostgreSQL 14+); pg_stats lists analysed columns.
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT c.reltuples >= 0 OR EXISTS (SELECT 1 FROM pg_stats s"
                        + " WHERE s.schemaname = current_schema() AND s.tablename = 'ozg_outbox')"
                        + " FROM pg_class c WHERE c.oid = 'ozg_outbox'::regclass")) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
