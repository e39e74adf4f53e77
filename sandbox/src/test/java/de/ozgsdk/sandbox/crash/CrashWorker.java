package de.ozgsdk.sandbox.crash;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.FileDropChannel;
import de.ozgsdk.transfer.SubmissionChannel;
import de.ozgsdk.transfer.fitconnect.FitConnectChannel;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import de.ozgsdk.transfer.fitconnect.FitConnectTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * One portal node of {@link OutboxCrashTest}, run as a process of its own: drains the shared outbox on PostgreSQL into
 * one channel until the test kills it ({@code SIGKILL}, so no shutdown hook or {@code finally} runs).
 *
 * <p>Arguments: a properties file with {@code jdbc.url}, {@code jdbc.user}, {@code jdbc.password}, {@code destination},
 * {@code channel} ({@code file-drop}: {@code file-drop.directory}; {@code fit-connect}: {@code fit-connect.*}) and the
 * worker id.
 */
final class CrashWorker {

    /** Short, so that the entries a killed worker held are claimed again within the test's time. */
    static final Duration LEASE = Duration.ofSeconds(3);
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(1);

    private CrashWorker() {
    }

    public static void main(String[] args) throws Exception {
        Properties config = load(Path.of(args[0]));
        String workerId = args[1];
        Database database = Database.postgres(config.getProperty("jdbc.url"), config.getProperty("jdbc.user"),
                config.getProperty("jdbc.password"));
        Outbox outbox = Outbox.builder(database).backoffBase(Duration.ofMillis(50))
                .backoffCap(Duration.ofMillis(500)).maxAttempts(50).build();
        ChannelRouter router = ChannelRouter.builder()
                .route(config.getProperty("destination"), channel(config, database))
                .onReceipt((destination, receipt) -> System.out.println("receipt " + receipt.submissionId()
                        + (receipt.alreadyDelivered() ? " already-delivered" : "")))
                .build();
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, router).workerId(workerId).batchSize(10)
                .leaseDuration(LEASE).sendTimeout(SEND_TIMEOUT).pollInterval(Duration.ofMillis(50)).build();
        dispatcher.start();
        System.out.println("worker " + workerId + " started");
        // Runs until killed; the test never lets it end on its own.
        new CountDownLatch(1).await();
    }

    static SubmissionChannel channel(Properties config, Database database) {
        String kind = config.getProperty("channel");
        if ("file-drop".equals(kind)) {
            return FileDropChannel.create(Path.of(config.getProperty("file-drop.directory")));
        }
        if ("fit-connect".equals(kind)) {
            FitConnectConfig fitConnect = FitConnectConfig.builder()
                    .tokenEndpoint(URI.create(config.getProperty("fit-connect.token-url")))
                    .client(config.getProperty("fit-connect.client-id"), config.getProperty("fit-connect.client-secret"))
                    .submissionApi(URI.create(config.getProperty("fit-connect.submission-api")))
                    .routing(URI.create(config.getProperty("fit-connect.routing-api")),
                            URI.create(config.getProperty("fit-connect.portal-jwks")))
                    .trustAnchors(TrustedCertificates.load(Path.of(config.getProperty("fit-connect.trust-anchor"))))
                    .build();
            // the ledger lies in the shared database, so a restarted (or another) node resumes a killed node's send
            return FitConnectChannel.builder(fitConnect, FitConnectLedger.of(database, Clock.systemUTC()),
                    FitConnectTarget.xml(UUID.fromString(config.getProperty("fit-connect.destination")),
                            LeikaKey.parse(config.getProperty("fit-connect.leika")), "Crash-Test-Antrag",
                            URI.create(config.getProperty("fit-connect.schema"))))
                    .build();
        }
        throw new IllegalArgumentException("unknown channel '" + kind + "' in the worker configuration");
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the worker configuration " + file, e);
        }
        return properties;
    }
}
