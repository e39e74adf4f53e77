package de.ozgsdk.portal.runtime;

import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.portal.PortalError;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** The rows of {@code ozg_submission} (migration V9): one per submitted application, receipt sealed. */
final class SubmissionTable {

    /** SQLState of a unique or primary key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;
    private final Sealer sealer;

    SubmissionTable(Database database, Sealer sealer) {
        this.database = database;
        this.sealer = sealer;
    }

    /** Thrown inside the submit transaction when another submit of the same application committed first. */
    static final class AlreadySubmitted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadySubmitted() {
            super("already submitted", null, false, false);
        }
    }

    /**
     * Inserts the row in the caller's transaction.
     *
     * @throws AlreadySubmitted if the application has a row already (the caller's transaction must roll back)
     */
    void insert(Connection connection, DraftOwner owner, String serviceId, SubmissionReceipt receipt)
            throws SQLException {
        String sql = "INSERT INTO ozg_submission (application_id, tenant_id, owner_id, service_id, submission_id,"
                + " submitted_at, timestamp_time, message_digest, timestamp_token, receipt)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        byte[] sealed = sealer.seal(PayloadCodec.writeReceipt(receipt),
                associatedData(receipt.applicationId(), owner));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, receipt.applicationId());
            statement.setString(2, owner.tenantId().value());
            statement.setString(3, owner.userId());
            statement.setString(4, serviceId);
            statement.setObject(5, receipt.submissionId());
            statement.setObject(6, utc(receipt.submittedAt()));
            statement.setObject(7, utc(receipt.timestampTime()));
            statement.setString(8, HexFormat.of().formatHex(receipt.messageDigest()));
            statement.setBytes(9, receipt.timestampToken());
            statement.setBytes(10, sealed);
            statement.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new AlreadySubmitted();
            }
            throw e;
        }
    }

    /** The receipt of the application, if this owner submitted it. */
    Optional<SubmissionReceipt> find(UUID applicationId, DraftOwner owner) {
        String sql = "SELECT receipt FROM ozg_submission WHERE application_id = ? AND tenant_id = ? AND owner_id = ?";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, applicationId);
            statement.setString(2, owner.tenantId().value());
            statement.setString(3, owner.userId());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                byte[] json = sealer.open(row.getBytes("receipt"), associatedData(applicationId, owner));
                return Optional.of(PayloadCodec.readReceipt(json, applicationId));
            }
        } catch (SQLException e) {
            throw new ProcessingException(PortalError.RUNTIME_STORED_STATE_INVALID, e, applicationId,
                    "SQLState " + e.getSQLState());
        }
    }

    /**
     * Removes the submitted data from the receipt of the submission {@code submissionId} in the caller's transaction
     * (the proof stays: ids, times, digest, time-stamp token, fee and payment reference) and marks the row erased;
     * returns the application, or empty if there is no such submission or it was erased before.
     */
    Optional<ApplicationRef> erase(Connection connection, UUID submissionId, Instant now) throws SQLException {
        String select = "SELECT application_id, tenant_id, owner_id, receipt FROM ozg_submission"
                + " WHERE submission_id = ? AND erased_at IS NULL";
        UUID applicationId;
        DraftOwner owner;
        byte[] stored;
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setObject(1, submissionId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                applicationId = row.getObject("application_id", UUID.class);
                owner = DraftOwner.of(row.getString("tenant_id"), row.getString("owner_id"));
                stored = row.getBytes("receipt");
            }
        }
        byte[] associated = associatedData(applicationId, owner);
        SubmissionReceipt full = PayloadCodec.readReceipt(sealer.open(stored, associated), applicationId);
        SubmissionReceipt proof = new SubmissionReceipt(full.submissionId(), full.applicationId(), full.tenant(),
                full.municipality(), full.serviceId(), full.serviceVersion(), full.serviceTitle(), full.locale(),
                full.submittedAt(), full.timestampTime(), full.timestampToken(), full.messageDigest(), full.fee(),
                full.paymentReference(), full.intro(), FormData.empty(), full.postboxMessageId());
        String update = "UPDATE ozg_submission SET receipt = ?, erased_at = ? WHERE application_id = ?"
                + " AND erased_at IS NULL";
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setBytes(1, sealer.seal(PayloadCodec.writeReceipt(proof), associated));
            statement.setObject(2, utc(now));
            statement.setObject(3, applicationId);
            if (statement.executeUpdate() != 1) {
                return Optional.empty();
            }
        }
        return Optional.of(new ApplicationRef(applicationId, owner));
    }

    /** Whether the submitted data of the application was erased (the receipt holds the proof only). */
    boolean erased(UUID applicationId, DraftOwner owner) {
        String sql = "SELECT erased_at FROM ozg_submission WHERE application_id = ? AND tenant_id = ?"
                + " AND owner_id = ?";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, applicationId);
            statement.setString(2, owner.tenantId().value());
            statement.setString(3, owner.userId());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getObject("erased_at") != null;
            }
        } catch (SQLException e) {
            throw new ProcessingException(PortalError.RUNTIME_STORED_STATE_INVALID, e, applicationId,
                    "SQLState " + e.getSQLState());
        }
    }

    /** Instants as the columns store them: UTC, microseconds. */
    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** Binds a sealed receipt to its row; the owner key comes last, the other parts cannot contain the separator. */
    private static byte[] associatedData(UUID applicationId, DraftOwner owner) {
        return ("ozg-submission/1|" + applicationId + "|" + owner.tenantId() + "|" + owner.userId())
                .getBytes(StandardCharsets.UTF_8);
    }
}
