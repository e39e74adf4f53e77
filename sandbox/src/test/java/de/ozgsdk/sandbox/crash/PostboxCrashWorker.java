package de.ozgsdk.sandbox.crash;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.postbox.ZbpPostbox;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * A portal node of {@link PostboxCrashTest}, as a process of its own: drains the shared outbox on PostgreSQL into the
 * ZBP through {@link ZbpPostbox}. With mode {@code hold-after-send} it stops right after the first send, before the
 * outbox records the delivery (its receipt handler prints {@code sent <id>} and blocks), so the test kills it there.
 *
 * <p>Arguments: the properties file ({@code jdbc.*}, {@code fit-connect.*}, {@code zbp.*}, {@code author.*}) and the
 * mode ({@code hold-after-send} or {@code drain}).
 */
final class PostboxCrashWorker {

    private PostboxCrashWorker() {
    }

    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            config.load(in);
        }
        boolean hold = "hold-after-send".equals(args[1]);
        Database database = Database.postgres(config.getProperty("jdbc.url"), config.getProperty("jdbc.user"),
                config.getProperty("jdbc.password"));
        Outbox outbox = Outbox.builder(database).backoffBase(Duration.ofMillis(50)).backoffCap(Duration.ofMillis(500))
                .build();
        ZbpPostbox postbox = ZbpPostbox.builder(fitConnect(config), FitConnectLedger.of(database, Clock.systemUTC()),
                        outbox)
                .destination(UUID.fromString(config.getProperty("zbp.destination")),
                        URI.create(config.getProperty("zbp.schema")))
                .author(PrivateKeyCredential.fromPem(Path.of(config.getProperty("author.key")),
                        Path.of(config.getProperty("author.certificate"))))
                .build();
        CountDownLatch never = new CountDownLatch(1);
        ChannelRouter router = postbox.addRoutes(ChannelRouter.builder())
                .onReceipt((destination, receipt) -> {
                    System.out.println("sent " + receipt.submissionId()
                            + (receipt.alreadyDelivered() ? " already-delivered" : ""));
                    System.out.flush();
                    if (hold) {
                        never.await(); // killed here: sent, but the delivery is not recorded
                    }
                })
                .build();
        OutboxDispatcher.builder(outbox, router).workerId(args[1]).leaseDuration(Duration.ofSeconds(3))
                .sendTimeout(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).build().start();
        never.await();
    }

    private static FitConnectConfig fitConnect(Properties config) throws IOException {
        return FitConnectConfig.builder()
                .tokenEndpoint(URI.create(config.getProperty("fit-connect.token-url")))
                .client("portal", "portal-secret")
                .submissionApi(URI.create(config.getProperty("fit-connect.submission-api")))
                .trustAnchors(TrustedCertificates.load(Path.of(config.getProperty("fit-connect.trust-anchor"))))
                .build();
    }
}
