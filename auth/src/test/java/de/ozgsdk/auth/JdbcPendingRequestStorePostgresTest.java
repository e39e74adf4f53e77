package de.ozgsdk.auth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL, matches = ".+")
class JdbcPendingRequestStorePostgresTest extends PendingRequestStoreContract {

    private TestDatabases databases;
    private PendingRequestStore store;

    @BeforeEach
    void openDatabase() {
        databases = TestDatabases.postgres();
        store = JdbcPendingRequestStore.of(databases.database());
    }

    @AfterEach
    void closeDatabase() {
        databases.close();
    }

    @Override
    PendingRequestStore store() {
        return store;
    }
}
