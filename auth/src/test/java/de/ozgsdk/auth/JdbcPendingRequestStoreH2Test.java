package de.ozgsdk.auth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class JdbcPendingRequestStoreH2Test extends PendingRequestStoreContract {

    private TestDatabases databases;
    private PendingRequestStore store;

    @BeforeEach
    void openDatabase() {
        databases = TestDatabases.h2();
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
