package de.ozgsdk.sandbox.crash;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.sandbox.FileDropIntakeMock;
import de.ozgsdk.transfer.OutgoingApplication;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Portal nodes are stateless and share one PostgreSQL: three worker processes ({@link CrashWorker}) drain one outbox
 * of 1,000 applications while one of them at a time is killed with {@code SIGKILL} at random points (chosen by the
 * number of applications delivered so far, so the kill lands anywhere in a send) and started again. Afterwards the
 * receiver holds every application exactly once and the outbox holds nothing undelivered.
 */
@EnabledIfEnvironmentVariable(named = "OZG_TEST_POSTGRES_URL", matches = ".+")
class OutboxCrashTest {

    private static final int APPLICATIONS = 1_000;
    private static final int WORKERS = 3;
    private static final int KILLS = 10;
    private static final String DESTINATION = "bonn-meldewesen";
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(4);
    private static final Duration POLL = Duration.ofMillis(20);

    private final String url = System.getenv("OZG_TEST_POSTGRES_URL");
    private final String user = System.getenv().getOrDefault("OZG_TEST_POSTGRES_USER", "ozg_test");
    private final String password = System.getenv().getOrDefault("OZG_TEST_POSTGRES_PASSWORD", "ozg_test");
    private final String schema = "ozg_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);
    private final List<Process> workers = new ArrayList<>();

    @TempDir
    Path work;

    @BeforeEach
    void createSchema() {
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void stopWorkersAndDropSchema() {
        workers.forEach(Process::destroyForcibly);
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void killedWorkersNeitherLoseNorDuplicateAnApplicationInTheFileDrop() throws Exception {
        Path drop = Files.createDirectory(work.resolve("drop"));
        Properties config = workerConfig();
        config.setProperty("channel", "file-drop");
        config.setProperty("file-drop.directory", drop.toString());
        Path configFile = work.resolve("worker.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            config.store(out, "OutboxCrashTest worker");
        }

        Set<String> submitted = new LinkedHashSet<>();
        try (Database database = Database.postgres(schemaUrl(), user, password)) {
            Outbox outbox = Outbox.builder(database).build();
            enqueue(database, outbox, submitted);

            for (int i = 0; i < WORKERS; i++) {
                workers.add(startWorker(configFile, i));
            }
            long seed = System.nanoTime();
            Random random = new Random(seed);
            TreeSet<Integer> killPoints = new TreeSet<>();
            while (killPoints.size() < KILLS) {
                killPoints.add(50 + random.nextInt(APPLICATIONS - 100));
            }

            FileDropIntakeMock intake = FileDropIntakeMock.builder(drop).keepMarkers(true).start();
            Instant deadline = Instant.now().plus(DRAIN_LIMIT);
            int kills = 0;
            while (undelivered(outbox) > 0 || intake.count() < APPLICATIONS) {
                assertThat(Instant.now()).as("outbox drained within %s (seed %d, %d kills so far, %s)", DRAIN_LIMIT,
                        seed, kills, outbox.countByStatus()).isBefore(deadline);
                intake.importNow();
                if (!killPoints.isEmpty() && intake.count() >= killPoints.first()) {
                    killPoints.pollFirst();
                    int victim = random.nextInt(WORKERS);
                    workers.get(victim).destroyForcibly().waitFor();
                    workers.set(victim, startWorker(configFile, victim));
                    kills++;
                }
                // a poll interval, not a timing assumption: the loop waits for the workers' progress
                LockSupport.parkNanos(POLL.toNanos());
            }
            intake.close();

            Map<OutboxStatus, Long> counts = outbox.countByStatus();
            assertThat(counts.getOrDefault(OutboxStatus.DELIVERED, 0L)).as("delivered entries (seed %d)", seed)
                    .isEqualTo(APPLICATIONS);
            assertThat(kills).isEqualTo(KILLS);
            assertThat(intake.applications().keySet()).as("every application reached the receiver")
                    .isEqualTo(submitted);
            assertThat(submitted).as("each application found once by the importer (seed %d)", seed)
                    .allMatch(id -> intake.attempts(id) == 1);
            // The channel masks repeats (the kept marker makes a second send a no-op), so count them where the
            // workers report them: only a kill between a send and its markDelivered may cause one.
            long repeats = workerLogLines().filter(line -> line.endsWith(" already-delivered")).count();
            assertThat(repeats).as("sends of an application delivered before (seed %d)", seed).isLessThanOrEqualTo(KILLS);
        }
    }

    private Stream<String> workerLogLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            lines.addAll(Files.readAllLines(work.resolve("worker-" + i + ".log"), StandardCharsets.UTF_8));
        }
        return lines.stream();
    }

    private void enqueue(Database database, Outbox outbox, Set<String> submitted) {
        for (int batch = 0; batch < APPLICATIONS / 100; batch++) {
            database.runInTransaction(connection -> {
                for (int i = 0; i < 100; i++) {
                    String id = UUID.randomUUID().toString();
                    submitted.add(id);
                    byte[] xml = ("<antrag id=\"" + id + "\"/>").getBytes(StandardCharsets.UTF_8);
                    outbox.enqueue(connection, OutgoingApplication.of(id, xml).toOutboxMessage(DESTINATION));
                }
            });
        }
    }

    private static long undelivered(Outbox outbox) {
        Map<OutboxStatus, Long> counts = outbox.countByStatus();
        return counts.getOrDefault(OutboxStatus.PENDING, 0L) + counts.getOrDefault(OutboxStatus.IN_FLIGHT, 0L);
    }

    private Process startWorker(Path configFile, int index) throws IOException {
        Path log = work.resolve("worker-" + index + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CrashWorker.class.getName(), configFile.toString(), "node-" + index)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private Properties workerConfig() {
        Properties config = new Properties();
        config.setProperty("jdbc.url", schemaUrl());
        config.setProperty("jdbc.user", user);
        config.setProperty("jdbc.password", password);
        config.setProperty("destination", DESTINATION);
        return config;
    }

    private String schemaUrl() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test set-up failed: " + sql, e);
        }
    }
}
