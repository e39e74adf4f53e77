package de.ozgsdk.transfer.fitconnect;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.transfer.fitconnect.internal.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The durable record of which FIT-Connect submission belongs to which of our submission ids (table
 * {@code ozg_fitconnect_submission}, migration V4 of ozg-persistence). {@link FitConnectChannel} writes it right after
 * {@code POST /v1/submissions}, before any upload, and marks it submitted after {@code PUT /v1/submissions/{id}}; a
 * retry after a crash reads it and resumes that submission instead of creating a second one. Holds ids and JWE
 * authentication tags only. Thread-safe.
 */
public final class FitConnectLedger {

    private static final String COLUMNS = "our_submission_id, destination_id, submission_id, case_id, attachment_ids,"
            + " state, authentication_tags";

    private final Database database;
    private final Clock clock;

    private FitConnectLedger(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The record in {@code database} (migrated by {@link Database}), timed by {@code clock}. */
    public static FitConnectLedger of(Database database, Clock clock) {
        return new FitConnectLedger(Objects.requireNonNull(database, "database"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** One recorded FIT-Connect submission. */
    public record Entry(String ourSubmissionId, String destinationId, String submissionId, String caseId,
            List<String> attachmentIds, boolean submitted, Optional<AuthenticationTags> authenticationTags) {

        public Entry {
            attachmentIds = List.copyOf(attachmentIds);
        }
    }

    /** The FIT-Connect submission recorded for our {@code ourSubmissionId}, if any. */
    public Optional<Entry> find(String ourSubmissionId) {
        return run(ourSubmissionId, "read", () -> database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM ozg_fitconnect_submission WHERE our_submission_id = ?")) {
                select.setString(1, ourSubmissionId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(entry(row)) : Optional.<Entry>empty();
                }
            }
        }));
    }

    /** The record of FIT-Connect submission {@code submissionId} (the delivery service's id), if any. */
    public Optional<Entry> findBySubmissionId(String submissionId) {
        return run(submissionId, "read", () -> database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM ozg_fitconnect_submission WHERE submission_id = ?")) {
                select.setString(1, submissionId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(entry(row)) : Optional.<Entry>empty();
                }
            }
        }));
    }

    /** Records a created, not yet submitted FIT-Connect submission for {@code ourSubmissionId}. */
    void recordCreated(String ourSubmissionId, String destinationId, String submissionId, String caseId,
            List<String> attachmentIds) {
        run(ourSubmissionId, "insert", () -> database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ozg_fitconnect_submission ("
                    + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, 'CREATED', NULL, ?)")) {
                insert.setString(1, ourSubmissionId);
                insert.setString(2, destinationId);
                insert.setString(3, submissionId);
                insert.setString(4, caseId);
                insert.setString(5, String.join(",", attachmentIds));
                insert.setTimestamp(6, Timestamp.from(clock.instant()));
                return insert.executeUpdate();
            }
        }));
    }

    /**
     * Records the tags of what is about to be submitted, before {@code PUT /v1/submissions/{id}}: a crash after the
     * submit then still knows the tags to compare with the receiver's accept event.
     */
    void recordTags(String ourSubmissionId, AuthenticationTags tags) {
        String json = Json.MAPPER.writeValueAsString(Map.of("metadata", tags.metadata(), "data", tags.data(),
                "attachments", tags.attachments()));
        update(ourSubmissionId, "UPDATE ozg_fitconnect_submission SET authentication_tags = ?"
                + " WHERE our_submission_id = ?", json);
    }

    /** Marks the submission of {@code ourSubmissionId} submitted. */
    void recordSubmitted(String ourSubmissionId) {
        update(ourSubmissionId, "UPDATE ozg_fitconnect_submission SET state = 'SUBMITTED', submitted_at = ?"
                + " WHERE our_submission_id = ?", Timestamp.from(clock.instant()));
    }

    private void update(String ourSubmissionId, String sql, Object value) {
        run(ourSubmissionId, "update", () -> database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setObject(1, value);
                update.setString(2, ourSubmissionId);
                return update.executeUpdate();
            }
        }));
    }

    /** Removes the record of an abandoned, never submitted submission, so that the next attempt creates a new one. */
    void forget(String ourSubmissionId) {
        run(ourSubmissionId, "delete", () -> database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ozg_fitconnect_submission WHERE our_submission_id = ? AND state = 'CREATED'")) {
                delete.setString(1, ourSubmissionId);
                return delete.executeUpdate();
            }
        }));
    }

    private static Entry entry(ResultSet row) throws SQLException {
        String ids = row.getString("attachment_ids");
        List<String> attachmentIds = ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
        String tags = row.getString("authentication_tags");
        return new Entry(row.getString("our_submission_id"), row.getString("destination_id"),
                row.getString("submission_id"), row.getString("case_id"), attachmentIds,
                "SUBMITTED".equals(row.getString("state")), Optional.ofNullable(tags).map(FitConnectLedger::tags));
    }

    private static AuthenticationTags tags(String json) {
        JsonNode node = Json.MAPPER.readTree(json);
        Map<String, String> attachments = new LinkedHashMap<>();
        node.path("attachments").properties().forEach(e -> attachments.put(e.getKey(), e.getValue().asString()));
        return new AuthenticationTags(node.path("metadata").asString(), node.path("data").asString(), attachments);
    }

    private static <T> T run(String ourSubmissionId, String operation, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw RemoteSystemException.builder(TransferError.FITCONNECT_LEDGER_FAILED, "database")
                    .side(RemoteSystemException.Side.UNKNOWN)
                    .cause(e)
                    .arguments(ourSubmissionId, operation + ": " + e.getClass().getSimpleName())
                    .build();
        }
    }
}
