package de.ozgsdk.sandbox.crash;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.postbox.PostboxAttachment;
import de.ozgsdk.postbox.PostboxMessage;
import de.ozgsdk.postbox.ZbpOutcome;
import de.ozgsdk.postbox.ZbpPostbox;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.sandbox.postbox.Authors;
import de.ozgsdk.sandbox.postbox.ZbpSandbox;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
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
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A postbox message enqueued; the portal node that sends it is killed with {@code SIGKILL} after the ZBP got the
 * submission but before the outbox recorded the delivery; another node takes the entry over when the lease ends. The
 * ZBP holds the message exactly once, and the second node's send ends as "already delivered".
 */
@EnabledIfEnvironmentVariable(named = "OZG_TEST_POSTGRES_URL", matches = ".+")
class PostboxCrashTest {

    private static final UUID ZBP_DESTINATION = UUID.randomUUID();
    private static final UUID ERIKA = UUID.randomUUID();
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final String url = System.getenv("OZG_TEST_POSTGRES_URL");
    private final String user = System.getenv().getOrDefault("OZG_TEST_POSTGRES_USER", "ozg_test");
    private final String password = System.getenv().getOrDefault("OZG_TEST_POSTGRES_PASSWORD", "ozg_test");
    private final String schema = "ozg_pbcrash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);
    private Process worker;

    @TempDir
    Path work;

    @BeforeEach
    void createSchema() {
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void stopWorkerAndDropSchema() {
        if (worker != null) {
            worker.destroyForcibly();
        }
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void aNodeKilledBetweenSendAndMarkDeliveredLeavesTheMessageOnceInThePostbox() throws Exception {
        PrivateKeyCredential author = Authors.generate("Stadt Musterstadt Postfach");
        try (FitConnectSandbox fitConnect = FitConnectSandbox.builder().sender("portal", "portal-secret")
                        .subscriber("zbp", "zbp-secret", ZBP_DESTINATION).start();
                ZbpSandbox zbp = ZbpSandbox.builder().fitConnect(fitConnect, ZBP_DESTINATION, "zbp", "zbp-secret")
                        .persona(ERIKA, "Erika Mustermann").author(author.certificate()).autoReceive(false).start();
                Database database = Database.postgres(schemaUrl(), user, password)) {
            Path configFile = workerConfig(fitConnect, author);
            Outbox outbox = Outbox.builder(database).build();
            ZbpPostbox postbox = ZbpPostbox.builder(FitConnectConfig.builder().tokenEndpoint(fitConnect.tokenUrl())
                                    .client("portal", "portal-secret").submissionApi(fitConnect.baseUrl())
                                    .trustAnchors(TrustedCertificates.of(List.of(fitConnect.trustAnchor()))).build(),
                            FitConnectLedger.of(database, Clock.systemUTC()), outbox)
                    .destination(ZBP_DESTINATION, URI.create(ZbpSandbox.ENVELOPE_SCHEMA)).author(author).build();
            String id = postbox.send(PostboxMessage.builder(ERIKA).sender("Stadt Musterstadt")
                    .title("Ihr Bescheid").plainContent("Ihr Bescheid liegt bei.").service("Anwohnerparken")
                    .trustLevel(TrustLevel.SUBSTANTIAL)
                    .attachment(PostboxAttachment.of("Bescheid.pdf",
                            "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                    .build());

            worker = startWorker(configFile, "hold-after-send");
            awaitLog("hold-after-send", line -> line.equals("sent " + id));
            worker.destroyForcibly().waitFor();
            assertThat(outbox.countByStatus().getOrDefault(OutboxStatus.DELIVERED, 0L)).as("recorded as delivered")
                    .isZero();

            worker = startWorker(configFile, "drain");
            awaitLog("drain", line -> line.equals("sent " + id + " already-delivered"));
            await(() -> outbox.countByStatus().getOrDefault(OutboxStatus.DELIVERED, 0L) == 1L);

            zbp.receiveNow();
            assertThat(zbp.inbox(ERIKA)).as("messages in the persona's postbox").hasSize(1);
            assertThat(fitConnect.submittedCount(ZBP_DESTINATION)).as("submissions submitted to the ZBP").isEqualTo(1);
            assertThat(postbox.outcome(id).state()).isEqualTo(ZbpOutcome.State.ACCEPTED);
        }
    }

    private void awaitLog(String mode, Predicate<String> line) {
        Path log = work.resolve(mode + ".log");
        await(() -> {
            try {
                return Files.exists(log) && Files.readAllLines(log, StandardCharsets.UTF_8).stream().anyMatch(line);
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(LIMIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("the worker got there within %s", LIMIT).isBefore(deadline);
            // a poll interval, not a timing assumption: the loop waits for the worker's progress
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private Path workerConfig(FitConnectSandbox fitConnect, PrivateKeyCredential author) throws Exception {
        Path trustAnchor = Files.writeString(work.resolve("trust-anchor.pem"), pem(fitConnect.trustAnchor()));
        Path certificate = Files.writeString(work.resolve("author.pem"), pem(author.certificate()));
        Path key = Files.writeString(work.resolve("author-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(author.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Properties config = new Properties();
        config.setProperty("jdbc.url", schemaUrl());
        config.setProperty("jdbc.user", user);
        config.setProperty("jdbc.password", password);
        config.setProperty("fit-connect.token-url", fitConnect.tokenUrl().toString());
        config.setProperty("fit-connect.submission-api", fitConnect.baseUrl().toString());
        config.setProperty("fit-connect.trust-anchor", trustAnchor.toString());
        config.setProperty("zbp.destination", ZBP_DESTINATION.toString());
        config.setProperty("zbp.schema", ZbpSandbox.ENVELOPE_SCHEMA);
        config.setProperty("author.key", key.toString());
        config.setProperty("author.certificate", certificate.toString());
        Path file = work.resolve("worker.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "PostboxCrashTest worker");
        }
        return file;
    }

    private static String pem(X509Certificate certificate) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private Process startWorker(Path configFile, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                PostboxCrashWorker.class.getName(), configFile.toString(), mode)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(mode + ".log").toFile()))
                .start();
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
