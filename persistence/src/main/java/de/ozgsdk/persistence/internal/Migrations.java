package de.ozgsdk.persistence.internal;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.persistence.PersistenceError;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the SDK's tables ({@code ozg_*}) up to date with Flyway, kept apart from a user's own migrations. */
public final class Migrations {

    /** The SDK's own Flyway history table, so that a user's {@code flyway_schema_history} stays untouched. */
    public static final String HISTORY_TABLE = "ozg_schema_history";
    private static final String COMMON_LOCATION = "classpath:db/ozg/migration/common";
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** Applies the pending migrations of the SDK to the default schema of {@code dataSource}. */
    public static void migrate(DataSource dataSource, Dialect dialect) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .table(HISTORY_TABLE)
                    .locations(COMMON_LOCATION, dialect.migrationLocation())
                    // A user's schema usually holds tables of its own: start our history at 0, so V1 still runs.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            LOG.info("OZG schema at version {} ({} migrations applied)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new ConfigurationException(PersistenceError.MIGRATION_FAILED, e, e.getClass().getSimpleName());
        }
    }
}
