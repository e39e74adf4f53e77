package de.ozgsdk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.crypto.Sealer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    private static final Sealer SEALER = Sealer.builder().key("2026-11", filled(3)).build();
    private static final DraftOwner OWNER = DraftOwner.of("053150000000", "bpk2-user-1");

    @Test
    void h2FileDatabaseKeepsDraftsAcrossCloseAndReopen(@TempDir Path directory) {
        Draft saved;
        try (Database db = Database.h2File(directory.resolve("data"))) {
            saved = DraftStore.builder(db, SEALER).build().save(OWNER, "99123456760000", utf8("Entwurf"));
        }

        try (Database reopened = Database.h2File(directory.resolve("data"))) {
            Draft loaded = DraftStore.builder(reopened, SEALER).build().load(saved.id(), OWNER);
            assertThat(loaded.payload()).isEqualTo(utf8("Entwurf"));
        }
        assertThat(directory.resolve("data").resolve("ozg.mv.db")).exists();
    }

    @Test
    void migratesBesideTheUsersOwnTablesWithItsOwnHistory() throws Exception {
        JdbcDataSource userDataSource = new JdbcDataSource();
        userDataSource.setURL("jdbc:h2:mem:users_app;DB_CLOSE_DELAY=-1");
        execute(userDataSource, "CREATE TABLE application (id INT PRIMARY KEY)");
        execute(userDataSource, "CREATE TABLE flyway_schema_history (installed_rank INT)");

        try (Database db = Database.of(userDataSource)) {
            db.runInTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO application VALUES (1)");
                }
                Outbox.builder(db).build().enqueue(connection, OutboxMessage.of("antrag-1", "fv", utf8("x")));
            });
        }

        assertThat(countRows(userDataSource, "\"ozg_schema_history\"")).isPositive();
        assertThat(countRows(userDataSource, "flyway_schema_history")).isZero();
        assertThat(countRows(userDataSource, "ozg_outbox")).isEqualTo(1);
        execute(userDataSource, "SHUTDOWN");
    }

    @Test
    void inMemoryH2KeepsEnoughParsedStatementsPerConnectionForTheSdksStores() throws Exception {
        try (Database db = Database.h2InMemory("query_cache");
                Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
            assertThat(row.next()).isTrue();
            assertThat(Integer.parseInt(row.getString(1))).isEqualTo(Database.H2_QUERY_CACHE).isGreaterThan(8);
        }
    }

    @Test
    void secondStartOnTheSameDatabaseAppliesNoMigrationAgain() throws Exception {
        try (Database first = Database.h2InMemory("restart_test")) {
            long applied = countRows(first.dataSource(), "\"ozg_schema_history\"");

            try (Database second = Database.of(first.dataSource())) {
                assertThat(countRows(second.dataSource(), "\"ozg_schema_history\"")).isEqualTo(applied);
            }
            assertThat(countRows(first.dataSource(), "ozg_outbox")).isZero(); // closing the second left the pool open
        }
    }

    @Test
    void unreachablePostgresFailsWithConfigurationError() {
        assertThatThrownBy(() -> Database.postgres("jdbc:postgresql://127.0.0.1:1/none?password=secret", "u", "p"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("OZG-DB-101")
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/none")
                .hasMessageNotContaining("secret");
    }

    @Test
    void rejectsUrlsOfUnsupportedDatabases() {
        assertThatThrownBy(() -> Database.builder().jdbcUrl("jdbc:mysql://localhost/db"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("jdbcUrl");
    }

    @Test
    void rejectsInMemoryNamesThatCouldCarryUrlOptions() {
        assertThatThrownBy(() -> Database.h2InMemory("x;INIT=RUNSCRIPT FROM 'evil.sql'"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void transactionRollsBackWhenTheWorkThrows() {
        try (Database db = Database.h2InMemory("rollback_test")) {
            Outbox outbox = Outbox.builder(db).build();

            assertThatThrownBy(() -> db.runInTransaction(connection -> {
                outbox.enqueue(connection, OutboxMessage.of("antrag-1", "fv", utf8("x")));
                throw new java.sql.SQLException("caller's insert failed", "23000");
            })).hasMessageContaining("OZG-DB-104").hasMessageContaining("SQLState 23000");

            assertThat(outbox.findByIdempotencyKey("antrag-1")).isEmpty();
        }
    }

    @Test
    void poolOfOneConnectionIsRefusedBeforeTheMigrationWaitsForASecond() {
        assertThatThrownBy(() -> Database.builder().maximumPoolSize(1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OZG-DB-105")
                .hasMessageContaining("maximumPoolSize")
                .hasMessageContaining("two connections");
    }

    @Test
    void poolOfTwoConnectionsStartsAndMigrates() {
        try (Database db = Database.builder().jdbcUrl("jdbc:h2:mem:pool_of_two;DB_CLOSE_DELAY=-1")
                .maximumPoolSize(2).connectionTimeout(Duration.ofSeconds(2)).build()) {
            assertThat(Outbox.builder(db).build().countByStatus()).containsEntry(OutboxStatus.PENDING, 0L);
        }
    }

    @Test
    void h2UrlGivenToTheBuilderGetsTheSameLockTimeoutAsTheShortcuts(@TempDir Path directory) throws Exception {
        try (Database built = Database.builder().jdbcUrl("jdbc:h2:mem:builder_url;DB_CLOSE_DELAY=-1").build();
                Database file = Database.h2File(directory);
                Database memory = Database.h2InMemory("shortcut_url")) {
            assertThat(lockTimeout(built.dataSource())).isEqualTo(Database.H2_LOCK_TIMEOUT_MILLIS)
                    .isEqualTo(lockTimeout(file.dataSource())).isEqualTo(lockTimeout(memory.dataSource()));
        }
    }

    @Test
    void h2UrlWithItsOwnLockTimeoutKeepsIt() throws Exception {
        try (Database db = Database.builder().jdbcUrl("jdbc:h2:mem:own_timeout;DB_CLOSE_DELAY=-1;lock_timeout=2500")
                .build()) {
            assertThat(lockTimeout(db.dataSource())).isEqualTo(2500);
        }
    }

    private static int lockTimeout(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT LOCK_TIMEOUT()")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long countRows(DataSource dataSource, String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
