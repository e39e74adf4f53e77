package de.ozgsdk.persistence.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.persistence.AuditEntry;
import de.ozgsdk.persistence.AuditEvent;
import de.ozgsdk.persistence.AuditLog;
import de.ozgsdk.persistence.AuditOutcome;
import de.ozgsdk.persistence.ClaimedMessage;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Draft;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.persistence.DraftPurgeJob;
import de.ozgsdk.persistence.DraftStore;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.persistence.OutboxEntry;
import de.ozgsdk.persistence.OutboxMessage;
import de.ozgsdk.persistence.OutboxStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code samples of the persistence Javadoc, run against H2: each region is copied verbatim into a Javadoc
 * {@code <pre>{@code …}</pre>} block (checked by DocSnippetsTest in the examples module), and the assertions after it
 * prove what the sample's comments claim.
 */
class PersistenceSnippetsTest {

    private final Database db = Database.h2InMemory("snippets_" + UUID.randomUUID().toString().replace("-", ""));
    private final Channel channel = new Channel();
    private final byte[] xml = "<antrag/>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void databaseWritesTheOwnRowAndTheOutboxEntryTogetherAndKeepsThemOnDisk() {
        // @start region="database"
        try (Database db = Database.h2File(dataDir)) { // or Database.postgres(url, user, password)
            Outbox outbox = Outbox.builder(db).build();
            db.runInTransaction(conn -> {
                // ... insert the application into your own table with conn ...
                outbox.enqueue(conn, OutboxMessage.of("application-4711", "fachverfahren", xml));
            }); // both rows, or neither
        }
        // @end

        try (Database reopened = Database.h2File(dataDir)) {
            assertThat(Outbox.builder(reopened).build().findByIdempotencyKey("application-4711"))
                    .map(OutboxEntry::status).hasValue(OutboxStatus.PENDING);
        }
    }

    @Test
    void outboxDeliversWhatTheTransactionWroteWithItsIdempotencyKey() throws SQLException {
        createApplicationTable();
        Application application = new Application("4711", "Bauantrag Müllheim");

        enqueueAndDeliver(application);

        assertThat(channel.received).containsExactly("antrag-4711");
        assertThat(applicationTitles()).containsExactly("Bauantrag Müllheim");
        assertThat(Outbox.builder(db).build().findByIdempotencyKey("antrag-4711"))
                .map(OutboxEntry::status).hasValue(OutboxStatus.DELIVERED);
    }

    @Test
    void outboxKeepsAFailedDeliveryForALaterAttempt() throws SQLException {
        createApplicationTable();
        channel.failing = true;

        enqueueAndDeliver(new Application("4712", "Bauantrag Badenweiler"));

        OutboxEntry entry = Outbox.builder(db).build().findByIdempotencyKey("antrag-4712").orElseThrow();
        assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.lastError()).hasValueSatisfying(error -> assertThat(error).contains("IOException"));
    }

    private void enqueueAndDeliver(Application application) {
        // @start region="outbox"
        Outbox outbox = Outbox.builder(db).maxAttempts(10).backoffBase(Duration.ofSeconds(30)).build();
        db.runInTransaction(conn -> {
            saveApplication(conn, application);                    // the caller's own table
            outbox.enqueue(conn, OutboxMessage.of("antrag-" + application.id(), "fachverfahren", xml));
        });
        // @end
        deliverDue(outbox);
    }

    @Test
    void deliveryLoopSendsOnlyWhileTheLeaseOutlastsTheSendTimeout() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T08:00:00Z"));
        Outbox outbox = Outbox.builder(db).clock(clock).build();
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofMillis(1));
            outbox.enqueue(OutboxMessage.of("antrag-" + i, "fachverfahren", xml));
        }
        List<Instant> sendsEndedAt = new ArrayList<>();
        channel.onSend = timeout -> { // every send takes as long as the channel allows
            clock.advance(timeout);
            sendsEndedAt.add(clock.instant());
        };

        deliverDue(outbox);

        assertThat(channel.received).as("sends start at 0:00 ... 4:00 of a 5-minute lease").hasSize(9);
        assertThat(sendsEndedAt).as("each send ends while the lease holds")
                .allSatisfy(end -> assertThat(end).isBefore(clock.start.plusSeconds(300)));
        assertThat(outbox.countByStatus()).containsEntry(OutboxStatus.DELIVERED, 9L)
                .containsEntry(OutboxStatus.PENDING, 3L);
        assertThat(outbox.findByIdempotencyKey("antrag-11").orElseThrow().attempts()).as("released").isZero();
    }

    private void deliverDue(Outbox outbox) {
        // @start region="outbox-delivery"
        Duration sendTimeout = Duration.ofSeconds(30); // the channel gives up after this long
        for (ClaimedMessage message : outbox.claim("worker-1", 100, Duration.ofMinutes(5))) {
            if (!outbox.leaseLasts(message, sendTimeout)) {        // a send now could outlast the lease
                outbox.release(message.id(), message.leaseToken()); // unsent: due again at once, no attempt used
                continue;
            }
            try {
                channel.send(message.idempotencyKey(), message.payload(), sendTimeout);
                outbox.markDelivered(message.id(), message.leaseToken());
            } catch (IOException e) {
                outbox.markFailed(message.id(), message.leaseToken(), e); // retried later, DEAD after maxAttempts
            }
        }
        // @end
    }

    @Test
    void dispatcherDeliversOnItsOwnThreadWhileTheApplicationRuns() throws InterruptedException {
        Outbox outbox = Outbox.builder(db).build();
        outbox.enqueue(OutboxMessage.of("antrag-4713", "fachverfahren", xml));
        Portal portal = new Portal(channel);

        // @start region="dispatcher"
        try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, message -> channel.send(message))
                .workerId("portal-1").build().start()) {
            portal.awaitShutdown(); // meanwhile the dispatcher delivers on a thread of its own
        }
        // @end

        assertThat(channel.received).containsExactly("antrag-4713");
    }

    @Test
    void draftStoreSavesUpdatesAndRefusesAStaleVersion() {
        Sealer sealer = Sealer.builder().keyBase64("2026-11", randomKeyBase64()).build();
        User user = new User("bpk2-4f1c");
        byte[] formJson = "{\"familienname\":\"Mustermann\"}".getBytes(StandardCharsets.UTF_8);
        byte[] changedJson = "{\"familienname\":\"Musterfrau\"}".getBytes(StandardCharsets.UTF_8);

        // @start region="draft-store"
        DraftStore drafts = DraftStore.builder(db, sealer).lifetime(Duration.ofDays(30)).build();
        DraftOwner owner = DraftOwner.of("053150000000", user.pseudonymousId());
        Draft draft = drafts.save(owner, "99123456760000", formJson);
        Draft later = drafts.update(draft.id(), owner, draft.version(), changedJson); // ConflictException if stale
        DraftPurgeJob purge = DraftPurgeJob.start(drafts); // deletes expired drafts hourly; close() it at shutdown
        // @end

        purge.close();
        assertThat(drafts.load(draft.id(), owner).payload()).isEqualTo(changedJson);
        assertThat(later.version()).isGreaterThan(draft.version());
        assertThatThrownBy(() -> drafts.update(draft.id(), owner, draft.version(), formJson))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void auditLogFindsTodaysEventsOfTheTenant() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
        UUID draftId = UUID.randomUUID();

        // @start region="audit-log"
        AuditLog audit = AuditLog.create(db, clock); // Clock.systemUTC() in production
        audit.append(AuditEntry.of("053150000000", "bpk2:4f1c", "draft.delete", "draft", draftId.toString(),
                AuditOutcome.SUCCESS));
        Instant startOfDay = LocalDate.now(clock).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant endOfDay = startOfDay.plus(Duration.ofDays(1));
        List<AuditEvent> today = audit.query(TenantId.parse("053150000000"), startOfDay, endOfDay);
        // @end

        assertThat(today).singleElement().satisfies(event -> {
            assertThat(event.entry().subjectId()).isEqualTo(draftId.toString());
            assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        });
        assertThat(audit.query(TenantId.parse("053150000000"), startOfDay.minus(Duration.ofDays(1)), startOfDay))
                .isEmpty();
    }

    private void createApplicationTable() {
        db.runInTransaction(conn -> {
            try (Statement statement = conn.createStatement()) {
                statement.execute("CREATE TABLE antrag (id VARCHAR(32) PRIMARY KEY, titel VARCHAR(200))");
            }
        });
    }

    private static void saveApplication(Connection conn, Application application) throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("INSERT INTO antrag (id, titel) VALUES (?, ?)")) {
            insert.setString(1, application.id());
            insert.setString(2, application.title());
            insert.executeUpdate();
        }
    }

    private List<String> applicationTitles() throws SQLException {
        List<String> titles = new ArrayList<>();
        try (Connection conn = db.dataSource().getConnection();
                ResultSet rows = conn.createStatement().executeQuery("SELECT titel FROM antrag")) {
            while (rows.next()) {
                titles.add(rows.getString(1));
            }
        }
        return titles;
    }

    private static String randomKeyBase64() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** An application in the caller's own table. */
    record Application(String id, String title) {
    }

    /** The logged-in citizen, known to the portal by a pseudonym. */
    record User(String pseudonymousId) {
    }

    /** Stands for the connection to the Fachverfahren: records the idempotency keys it received, or fails. */
    static final class Channel {
        final List<String> received = new ArrayList<>();
        final CountDownLatch delivered = new CountDownLatch(1);
        boolean failing;
        Consumer<Duration> onSend = timeout -> { };

        void send(String idempotencyKey, byte[] payload) throws IOException {
            if (failing) {
                throw new IOException("Fachverfahren not reachable");
            }
            synchronized (received) {
                received.add(idempotencyKey);
            }
            delivered.countDown();
        }

        void send(ClaimedMessage message) throws IOException {
            send(message.idempotencyKey(), message.payload());
        }

        /** Sends, giving up after {@code timeout}; {@link #onSend} learns how long the send took. */
        void send(String idempotencyKey, byte[] payload, Duration timeout) throws IOException {
            send(idempotencyKey, payload);
            onSend.accept(timeout);
        }
    }

    /** A clock the test moves by hand, so that a slow channel takes time without the test waiting. */
    static final class ManualClock extends Clock {
        final Instant start;
        private Instant now;

        ManualClock(Instant start) {
            this.start = start;
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the manual clock stays in UTC");
        }
    }

    /** Stands for the running portal: here it "shuts down" once the channel has received a message. */
    record Portal(Channel channel) {
        void awaitShutdown() throws InterruptedException {
            assertThat(channel.delivered.await(30, TimeUnit.SECONDS)).as("delivered within 30 s").isTrue();
        }
    }
}
