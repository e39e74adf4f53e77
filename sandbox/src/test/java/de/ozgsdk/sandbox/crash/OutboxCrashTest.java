package de.ozgsdk.sandbox.crash;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.sandbox.FileDropIntakeMock;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.sandbox.fitconnect.SandboxDestination;
import de.ozgsdk.sandbox.fitconnect.SubmissionRecord;
import de.ozgsdk.sandbox.fitconnect.SubmissionStatus;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
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
    private static final String LEIKA = "99010003001006";
    private static final String SCHEMA = "urn:xoev-de:ozgsdk:sandbox:antrag";

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
        Properties config = workerConfig("file-drop");
        config.setProperty("file-drop.directory", drop.toString());

        try (FileDropIntakeMock intake = FileDropIntakeMock.builder(drop).keepMarkers(true).start()) {
            Drained run = drain(config, () -> {
                intake.importNow();
                return intake.count();
            });

            assertThat(intake.applications().keySet()).as("every application reached the receiver")
                    .isEqualTo(run.submitted());
            assertThat(run.submitted()).as("each application found once by the importer (seed %d)", run.seed())
                    .allMatch(id -> intake.attempts(id) == 1);
        }
    }

    @Test
    void killedWorkersSubmitEveryApplicationOnceToTheFitConnectDeliveryService() throws Exception {
        UUID destination = UUID.randomUUID();
        try (FitConnectSandbox sandbox = FitConnectSandbox.builder()
                .sender("portal", "portal-secret")
                .destination(SandboxDestination.builder(destination).service(LeikaKey.parse(LEIKA), "DE09")
                        .submissionSchema(SCHEMA, "application/xml").build())
                .start()) {
            Path trustAnchor = work.resolve("fit-connect-trust-anchor.pem");
            Files.writeString(trustAnchor, pem(sandbox.trustAnchor()), StandardCharsets.US_ASCII);
            Properties config = workerConfig("fit-connect");
            config.setProperty("fit-connect.token-url", sandbox.tokenUrl().toString());
            config.setProperty("fit-connect.submission-api", sandbox.baseUrl().toString());
            config.setProperty("fit-connect.routing-api", sandbox.routingUrl().toString());
            config.setProperty("fit-connect.portal-jwks", sandbox.portalJwksUrl().toString());
            config.setProperty("fit-connect.trust-anchor", trustAnchor.toString());
            config.setProperty("fit-connect.client-id", "portal");
            config.setProperty("fit-connect.client-secret", "portal-secret");
            config.setProperty("fit-connect.destination", destination.toString());
            config.setProperty("fit-connect.leika", LEIKA);
            config.setProperty("fit-connect.schema", SCHEMA);

            Drained run = drain(config, () -> sandbox.submittedCount(destination));

            // The delivery service cannot read the encrypted metadata, so our id -> FIT-Connect submission is taken
            // from the sender's ledger; as many submitted submissions as applications, each the one of its ledger
            // entry, means that no application was submitted twice.
            Set<UUID> submittedAtService = sandbox.submissions().stream()
                    .filter(record -> record.destinationId().equals(destination))
                    .filter(record -> record.status() != SubmissionStatus.CREATED)
                    .map(SubmissionRecord::submissionId).collect(Collectors.toSet());
            assertThat(sandbox.submittedCount(destination)).as("submitted submissions (seed %d)", run.seed())
                    .isEqualTo(APPLICATIONS);
            try (Database database = Database.postgres(schemaUrl(), user, password)) {
                FitConnectLedger ledger = FitConnectLedger.of(database, Clock.systemUTC());
                Set<UUID> recorded = run.submitted().stream()
                        .map(id -> ledger.find(id).orElseThrow(() -> new AssertionError("no ledger entry for " + id)))
                        .peek(entry -> assertThat(entry.submitted()).as("ledger entry submitted").isTrue())
                        .map(entry -> UUID.fromString(entry.submissionId()))
                        .collect(Collectors.toSet());
                assertThat(recorded).as("one FIT-Connect submission per application (seed %d)", run.seed())
                        .hasSize(APPLICATIONS).isEqualTo(submittedAtService);
            }
        }
    }

    /** What one {@link #drain} run enqueued, and the seed that chose its kills. */
    private record Drained(Set<String> submitted, long seed) {
    }

    /**
     * Enqueues the applications, starts the workers, kills one at a time when the receiver has got as many
     * applications as the next random kill point (restarting it at once), and waits until the outbox is drained and
     * the receiver holds them all; checks what holds for every channel.
     */
    private Drained drain(Properties config, IntSupplier received) throws Exception {
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

            Instant deadline = Instant.now().plus(DRAIN_LIMIT);
            int kills = 0;
            int got = received.getAsInt();
            while (undelivered(outbox) > 0 || got < APPLICATIONS) {
                assertThat(Instant.now()).as("outbox drained within %s (seed %d, %d kills so far, %s, %d received)",
                        DRAIN_LIMIT, seed, kills, outbox.countByStatus(), got).isBefore(deadline);
                if (!killPoints.isEmpty() && got >= killPoints.first()) {
                    killPoints.pollFirst();
                    int victim = random.nextInt(WORKERS);
                    workers.get(victim).destroyForcibly().waitFor();
                    workers.set(victim, startWorker(configFile, victim));
                    kills++;
                }
                // a poll interval, not a timing assumption: the loop waits for the workers' progress
                LockSupport.parkNanos(POLL.toNanos());
                got = received.getAsInt();
            }

            Map<OutboxStatus, Long> counts = outbox.countByStatus();
            assertThat(counts.getOrDefault(OutboxStatus.DELIVERED, 0L)).as("delivered entries (seed %d)", seed)
                    .isEqualTo(APPLICATIONS);
            assertThat(kills).isEqualTo(KILLS);
            // A channel masks repeats (a kept marker, the ledger), so count them where the workers report them: only
            // a kill between a send and its markDelivered may cause one.
            long repeats = workerLogLines().filter(line -> line.endsWith(" already-delivered")).count();
            assertThat(repeats).as("sends of an application delivered before (seed %d)", seed)
                    .isLessThanOrEqualTo(KILLS);
            return new Drained(submitted, seed);
        }
    }

    private static String pem(X509Certificate certificate) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
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

    private Properties workerConfig(String channel) {
        Properties config = new Properties();
        config.setProperty("channel", channel);
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
