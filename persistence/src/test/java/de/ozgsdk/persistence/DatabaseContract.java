package de.ozgsdk.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Opens one database per test class from the fixture of the concrete (H2 or PostgreSQL) subclass. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {

    DatabaseFixture fixture;
    Database db;

    abstract DatabaseFixture createFixture();

    @BeforeAll
    void openDatabase() {
        fixture = createFixture();
        db = fixture.open();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
        fixture.close();
    }

    void execute(String sql, Object... parameters) {
        db.runInTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.executeUpdate();
            }
        });
    }

    long count(String sql, Object... parameters) {
        return db.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}
