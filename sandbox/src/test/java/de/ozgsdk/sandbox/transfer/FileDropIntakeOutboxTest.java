package de.ozgsdk.sandbox.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.persistence.TestClock;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.FileDropIntakeMock;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.FileDropChannel;
import de.ozgsdk.transfer.OutgoingApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path into a directory: an H2 outbox drained by the {@code OutboxDispatcher} through the
 * {@code ChannelRouter} and {@code FileDropChannel}, while the sandbox's importer polls the same directory; afterwards
 * the importer holds each application exactly once.
 */
class FileDropIntakeOutboxTest {

    private static final String BONN = "bonn-meldewesen";

    private final TestClock clock = new TestClock(Instant.parse("2026-03-14T09:30:00Z"));
    private final Database db = Database.h2InMemory("drop_" + UUID.randomUUID().toString().replace("-", ""));
    private final Outbox outbox = Outbox.builder(db).clock(clock).maxAttempts(8)
            .backoffBase(Duration.ofSeconds(30)).build();

    @TempDir
    Path root;

    private FileDropIntakeMock importer;

    @AfterEach
    void stop() {
        if (importer != null) {
            importer.close();
        }
        db.close();
    }

    @Test
    void everyApplicationIsImportedExactlyOnceThroughAnUnmountedShareAndAnImporterCrash() throws Exception {
        Path share = Files.createDirectory(root.resolve("share"));
        // Import runs are triggered by the test, not by a polling thread: a run racing the unmount below could find
        // a file, import it and then fail to move it away, which makes the number of repeats depend on timing.
        importer = FileDropIntakeMock.builder(share).start();
        importer.faults().add(Fault.systemError(FileDropIntakeMock.Error.CRASH_BEFORE_CLEANUP).times(3));
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, ChannelRouter.builder()
                .route(BONN, FileDropChannel.create(share, clock)).build()).workerId("portal-1").batchSize(8).build();
        Map<String, byte[]> sent = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            String id = UUID.randomUUID().toString();
            byte[] xml = ("<antrag nr=\"" + i + "\"/>").getBytes(StandardCharsets.UTF_8);
            sent.put(id, xml);
            outbox.enqueue(OutgoingApplication.of(id, xml).toOutboxMessage(BONN));
        }

        assertThat(dispatcher.drainOnce()).isEqualTo(8); // into the share
        importer.importNow(); // three of them crash the importer before its clean-up
        Path unmounted = Files.move(share, root.resolve("share-unmounted"));
        assertThat(dispatcher.drainOnce()).isEqualTo(8); // the share is gone: 8 failures, retried later
        // entries enqueued at the same instant are claimed in no particular order, so count instead of picking one
        assertThat(sent.keySet()).as("entries that failed on the unmounted share")
                .filteredOn(id -> outbox.findByIdempotencyKey(id).orElseThrow().lastError()
                        .filter(reason -> reason.contains("OZG-TRANSFER-121")).isPresent())
                .hasSize(8);
        Files.move(unmounted, share);
        int rounds = 0;
        while (outbox.countByStatus().get(OutboxStatus.PENDING) > 0) {
            assertThat(rounds++).isLessThan(20);
            clock.advance(Duration.ofHours(1));
            dispatcher.drainOnce();
            importer.importNow();
        }
        importer.importNow();
        try (var left = Files.list(share)) {
            assertThat(left.filter(f -> f.toString().endsWith(".done"))).as("markers left in the share").isEmpty();
        }

        assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.DELIVERED, 20L)
                .containsEntry(OutboxStatus.DEAD, 0L);
        assertThat(importer.applications()).containsOnlyKeys(sent.keySet());
        sent.forEach((id, xml) -> assertThat(importer.applications().get(id)).as(id).isEqualTo(xml));
        assertThat(importer.records().matching(e -> e.status().getAsInt() == 409)).as("crash repeats dropped")
                .hasSize(3);
    }
}
