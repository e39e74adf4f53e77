package de.ozgsdk.portal.runtime;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.persistence.AuditEntry;
import de.ozgsdk.persistence.AuditLog;
import de.ozgsdk.persistence.AuditOutcome;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.persistence.TransactionWork;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.Receipt;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.transfer.fitconnect.FitConnectChannel;
import de.ozgsdk.transfer.fitconnect.SecurityEventToken;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the personal data of applications from the portal once the receiver holds them
 * ({@link ServiceRuntime#retention()}): the form data in the sealed receipt, the application message and the postbox
 * copy in the outbox, and what every {@link PersonalDataHolder} keeps (uploaded files); the proof of the submission
 * stays (ids, times, digest, time-stamp token, and the receiver's acknowledgement in
 * {@code ozg_delivery_acknowledgement}, migration V12).
 *
 * <pre>{@code
 * ChannelRouter router = ChannelRouter.builder()
 *         .route("koeln-parken", httpsChannel)
 *         .onReceipt(runtime.retention().receiptHandler())  // records the receiver's acknowledgement
 *         .build();
 * // on every node: erases what is due, purges expired drafts with their held data
 * PersonalDataRetention.Job job = runtime.retention().startJob(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>When an outbox entry counts as accepted: when its delivery returned a {@link Receipt} (HTTPS 2xx with the
 * receiver's confirmation, the file drop's {@code .done} marker), except on the routes the {@link RetentionPolicy}
 * names as {@link RetentionPolicy#acceptanceByEventRoutes() accepted by event} (FIT-Connect), which count from the
 * receiver's {@code accept-submission} event ({@link #checkFitConnectAcceptances}). What is due:
 * <ul>
 *   <li>an accepted entry, {@link RetentionPolicy#afterAcceptance()} after the acceptance;</li>
 *   <li>a dead-lettered one, {@link RetentionPolicy#maximum()} after it was enqueued (unless an operator requeued it),
 *       and a rejected one, the maximum after the rejection; both with an audit entry
 *       ({@code application.erase-undelivered}, ids only).</li>
 * </ul>
 * Each erasure is one transaction that starts by deleting the outbox row: on several nodes the first one wins and
 * the others find nothing to do, so the job is safe to run everywhere.
 */
public final class PersonalDataRetention {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataRetention.class);
    private static final String ACTOR = "retention";
    private static final String INSERT_ACK = "INSERT INTO ozg_delivery_acknowledgement (idempotency_key, destination,"
            + " outcome, received_at, reference, acknowledgement, media_type) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final int BATCH = 500;

    private final Database database;
    private final SubmissionTable submissions;
    private final AuditLog audit;
    private final Clock clock;
    private final RetentionPolicy policy;
    private final List<PersonalDataHolder> holders;

    PersonalDataRetention(Database database, SubmissionTable submissions, AuditLog audit, Clock clock,
            RetentionPolicy policy, List<PersonalDataHolder> holders) {
        this.database = database;
        this.submissions = submissions;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
        this.holders = List.copyOf(holders);
    }

    /** What the receiver did with an outbox entry. */
    public enum Outcome {
        /** It took the application over. */
        ACCEPTED,
        /** It refused it (FIT-Connect {@code reject-submission}). */
        REJECTED
    }

    /** The policy in force. */
    public RetentionPolicy policy() {
        return policy;
    }

    /**
     * The handler for {@link ChannelRouter.Builder#onReceipt}: records each receipt as the receiver's acceptance
     * (for the routes accepted by event, nothing: their acceptance comes later). Recording twice is harmless.
     */
    public ChannelRouter.ReceiptHandler receiptHandler() {
        return (destination, receipt) -> {
            if (!policy.acceptanceByEventRoutes().contains(destination)) {
                record(destination, receipt.submissionId(), Outcome.ACCEPTED, receipt.reference(),
                        receipt.document(), receipt.mediaType());
            }
        };
    }

    /**
     * Records what the receiver answered for the outbox entry {@code idempotencyKey} (for channels of your own);
     * returns false if an answer was recorded before (the first one stays).
     */
    public boolean record(String destination, String idempotencyKey, Outcome outcome, Optional<String> reference,
            Optional<byte[]> acknowledgement, Optional<String> mediaType) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(outcome, "outcome");
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_ACK)) {
            insert.setString(1, idempotencyKey);
            insert.setString(2, destination);
            insert.setString(3, outcome.name());
            insert.setObject(4, SubmissionTable.utc(clock.instant()));
            insert.setString(5, reference.map(r -> r.length() > 2000 ? r.substring(0, 2000) : r).orElse(null));
            insert.setBytes(6, acknowledgement.orElse(null));
            insert.setString(7, mediaType.map(t -> t.length() > 200 ? t.substring(0, 200) : t).orElse(null));
            insert.executeUpdate();
            LOG.info("outbox entry {} to {}: {} by the receiver", idempotencyKey, destination, outcome);
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw new ProcessingException(PortalError.RETENTION_ERASE_FAILED, e, idempotencyKey, e.getSQLState());
        }
    }

    /**
     * Asks FIT-Connect, for every delivered entry of {@code destination} without a recorded answer, whether the
     * receiver accepted or rejected it, and records the {@code accept-submission} token (or the rejection); returns
     * how many answers were recorded. Call it periodically for each route of
     * {@link RetentionPolicy.Builder#acceptanceByEvent}.
     */
    public int checkFitConnectAcceptances(String destination, FitConnectChannel channel) {
        Objects.requireNonNull(channel, "channel");
        int recorded = 0;
        for (String key : deliveredWithoutAnswer(Objects.requireNonNull(destination, "destination"))) {
            try {
                Optional<SecurityEventToken> accepted = channel.acceptance(key);
                if (accepted.isPresent() && record(destination, key, Outcome.ACCEPTED,
                        Optional.of(accepted.get().submissionId()),
                        Optional.of(accepted.get().compact().getBytes(StandardCharsets.US_ASCII)),
                        Optional.of("application/secevent+jwt"))) {
                    recorded++;
                }
            } catch (RemoteSystemException e) {
                if (e.code() != TransferError.FITCONNECT_REJECTED) {
                    throw e;
                }
                if (record(destination, key, Outcome.REJECTED, Optional.empty(), Optional.empty(),
                        Optional.empty())) {
                    recorded++;
                }
            }
        }
        return recorded;
    }

    /** Erases what is due now (see the class description); returns how many outbox entries were erased. */
    public int eraseDue() {
        Instant now = clock.instant();
        int erased = 0;
        for (Due due : due(now)) {
            if (erase(due, ACTOR)) {
                erased++;
            }
        }
        if (erased > 0) {
            LOG.info("erased the personal data of {} delivered or expired outbox entries", erased);
        }
        return erased;
    }

    /**
     * An operator's decision: erases the personal data of the submission {@code submissionId} now, whatever its
     * delivery state (a dead-lettered application that will not be sent again); audited with {@code operator}.
     * Returns false if there was nothing left to erase.
     */
    public boolean eraseNow(UUID submissionId, String operator) {
        Objects.requireNonNull(submissionId, "submissionId");
        if (Objects.requireNonNull(operator, "operator").isBlank() || operator.length() > 128) {
            throw new InvalidInputException(PortalError.RETENTION_POLICY_INVALID, "operator", operator,
                    "1 to 128 characters");
        }
        return inTransaction(connection -> {
            deleteOutboxEntry(connection, submissionId.toString(), null);
            return eraseSubmission(connection, submissionId.toString(), operator, true);
        });
    }

    /** Starts running {@link #eraseDue} every {@code interval} (at least one second) on a daemon thread. */
    public Job startJob(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidInputException(PortalError.RETENTION_POLICY_INVALID, "interval", interval,
                    "at least 1 second");
        }
        return new Job(this, interval);
    }

    /** The background run of {@link #eraseDue}; close it at shutdown. */
    public static final class Job implements AutoCloseable {
        private final ScheduledExecutorService executor;

        private Job(PersonalDataRetention retention, Duration interval) {
            this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "ozg-personal-data-retention");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(() -> {
                try {
                    retention.eraseDue();
                    retention.purgeExpiredDrafts();
                } catch (RuntimeException e) {
                    // the next run tries again; the exception names codes and ids only
                    LOG.warn("personal data retention run failed: {}", e.toString());
                }
            }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Stops the job and waits up to ten seconds for a running erasure to finish. */
        @Override
        public void close() {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- used by the runtime ------------------------------------------------------------------------------------

    /** Calls every holder for a draft that is deleted in the caller's transaction. */
    void eraseHeld(Connection connection, ApplicationRef application) throws SQLException {
        for (PersonalDataHolder holder : holders) {
            try {
                holder.erase(connection, application);
            } catch (RuntimeException e) {
                throw new ProcessingException(PortalError.RETENTION_HOLDER_FAILED, e, application.id(),
                        holder.getClass().getName(), e.getClass().getName());
            }
        }
    }

    /**
     * Deletes the expired drafts with everything the holders keep of them; returns how many. Each draft is deleted
     * in its own transaction with its holders' data, so a failing holder keeps the draft for the next run.
     */
    int purgeExpiredDrafts() {
        int purged = 0;
        for (ApplicationRef expired : expiredDrafts(clock.instant())) {
            boolean deleted = inTransaction(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM ozg_draft WHERE id = ? AND tenant_id = ? AND user_id = ? AND expires_at <= ?")) {
                    delete.setObject(1, expired.id());
                    delete.setString(2, expired.tenant().value());
                    delete.setString(3, expired.owner().userId());
                    delete.setObject(4, SubmissionTable.utc(clock.instant()));
                    if (delete.executeUpdate() != 1) {
                        return false;
                    }
                }
                eraseHeld(connection, expired);
                return true;
            });
            if (deleted) {
                purged++;
            }
        }
        if (purged > 0) {
            LOG.info("purged {} expired drafts and their held data", purged);
        }
        return purged;
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    /** An outbox entry whose personal data is due for erasure. */
    private record Due(UUID outboxId, String idempotencyKey, String status, boolean undelivered) {
    }

    private List<Due> due(Instant now) {
        Instant accepted = now.minus(policy.afterAcceptance());
        Instant oldest = now.minus(policy.maximum());
        String sql = "SELECT o.id, o.idempotency_key, o.status, a.outcome FROM ozg_outbox o"
                + " LEFT JOIN ozg_delivery_acknowledgement a ON a.idempotency_key = o.idempotency_key"
                + " WHERE (o.status = 'DELIVERED' AND a.outcome = 'ACCEPTED' AND a.received_at <= ?)"
                + " OR (o.status = 'DEAD' AND o.created_at <= ?)"
                + " OR (a.outcome = 'REJECTED' AND a.received_at <= ?)"
                + " ORDER BY o.created_at";
        List<Due> list = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(BATCH);
            select.setObject(1, SubmissionTable.utc(accepted));
            select.setObject(2, SubmissionTable.utc(oldest));
            select.setObject(3, SubmissionTable.utc(oldest));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String status = rows.getString("status");
                    boolean undelivered = status.equals("DEAD") || "REJECTED".equals(rows.getString("outcome"));
                    list.add(new Due(rows.getObject("id", UUID.class), rows.getString("idempotency_key"), status,
                            undelivered));
                }
            }
        } catch (SQLException e) {
            throw new ProcessingException(PortalError.RETENTION_ERASE_FAILED, e, "-", e.getSQLState());
        }
        return list;
    }

    private boolean erase(Due due, String actor) {
        return inTransaction(connection -> {
            if (!deleteOutboxEntry(connection, due.idempotencyKey(), due)) {
                return false; // another node erased it, or an operator requeued it meanwhile
            }
            eraseSubmission(connection, due.idempotencyKey(), actor, due.undelivered());
            return true;
        });
    }

    /** Deletes the outbox row (only in the state it was selected in, if {@code due} is given). */
    private static boolean deleteOutboxEntry(Connection connection, String key, Due due) throws SQLException {
        String sql = due == null ? "DELETE FROM ozg_outbox WHERE idempotency_key = ? AND status <> 'IN_FLIGHT'"
                : "DELETE FROM ozg_outbox WHERE id = ? AND status = ?";
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            if (due == null) {
                delete.setString(1, key);
            } else {
                delete.setObject(1, due.outboxId());
                delete.setString(2, due.status());
            }
            return delete.executeUpdate() > 0;
        }
    }

    /**
     * Removes the submitted data of the submission {@code key} (if the entry is an application of this portal):
     * the receipt keeps only its proof, a leftover draft goes, the holders erase theirs.
     */
    private boolean eraseSubmission(Connection connection, String key, String actor, boolean audited)
            throws SQLException {
        Optional<UUID> submissionId = uuid(key);
        if (submissionId.isEmpty()) {
            return false;
        }
        Optional<ApplicationRef> erased = submissions.erase(connection, submissionId.get(), clock.instant());
        if (erased.isEmpty()) {
            return false;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ozg_draft WHERE id = ?")) {
            delete.setObject(1, erased.get().id());
            delete.executeUpdate();
        }
        eraseHeld(connection, erased.get());
        if (audited) {
            audit.append(connection, AuditEntry.of(erased.get().tenant(), actor, "application.erase-undelivered",
                    "application", erased.get().id().toString(), AuditOutcome.SUCCESS));
        }
        LOG.info("personal data of application {} (submission {}) erased", erased.get().id(), key);
        return true;
    }

    private List<String> deliveredWithoutAnswer(String destination) {
        String sql = "SELECT o.idempotency_key FROM ozg_outbox o WHERE o.destination = ? AND o.status = 'DELIVERED'"
                + " AND NOT EXISTS (SELECT 1 FROM ozg_delivery_acknowledgement a"
                + " WHERE a.idempotency_key = o.idempotency_key) ORDER BY o.created_at";
        List<String> keys = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(BATCH);
            select.setString(1, destination);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new ProcessingException(PortalError.RETENTION_ERASE_FAILED, e, destination, e.getSQLState());
        }
        return keys;
    }

    private List<ApplicationRef> expiredDrafts(Instant now) {
        List<ApplicationRef> list = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id, tenant_id, user_id FROM ozg_draft WHERE expires_at <= ?")) {
            select.setMaxRows(BATCH);
            select.setObject(1, SubmissionTable.utc(now));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    list.add(new ApplicationRef(rows.getObject("id", UUID.class),
                            DraftOwner.of(rows.getString("tenant_id"), rows.getString("user_id"))));
                }
            }
        } catch (SQLException e) {
            throw new ProcessingException(PortalError.RETENTION_ERASE_FAILED, e, "-", e.getSQLState());
        }
        return list;
    }

    /** Runs {@code work} in one transaction; a holder's failure rolls it back and passes through. */
    private boolean inTransaction(TransactionWork<Boolean> work) {
        return database.inTransaction(work);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
