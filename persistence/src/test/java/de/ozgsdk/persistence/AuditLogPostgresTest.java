package de.ozgsdk.persistence;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = DatabaseFixture.POSTGRES_URL_VARIABLE, matches = ".+")
class AuditLogPostgresTest extends AuditLogContract {

    @Override
    DatabaseFixture createFixture() {
        return DatabaseFixture.postgres();
    }
}
