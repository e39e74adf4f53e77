package de.ozgsdk.persistence;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.persistence.internal.JdbcValues;
import de.ozgsdk.persistence.internal.SqlFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Append-only record of security-relevant actions (who, what, which object, when, outcome) per tenant, holding ids and
 * codes only, never personal data. There is deliberately no way to change or delete an event through the SDK, and the
 * database refuses UPDATE and DELETE on the table by trigger.
 *
 * <pre>{@code
 * AuditLog audit = AuditLog.create(db, clock); // Clock.systemUTC() in production
 * audit.append(AuditEntry.of("053150000000", "bpk2:4f1c", "draft.delete", "draft", draftId.toString(),
 *         AuditOutcome.SUCCESS));
 * Instant startOfDay = LocalDate.now(clock).atStartOfDay(ZoneOffset.UTC).toInstant();
 * Instant endOfDay = startOfDay.plus(Duration.ofDays(1));
 * List<AuditEvent> today = audit.query(TenantId.parse("053150000000"), startOfDay, endOfDay);
 * }</pre>
 */
public final class AuditLog {

    private final Database database;
    private final Clock clock;

    private AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** An audit log on {@code database} that stamps events with {@code clock}. */
    public static AuditLog create(Database database, Clock clock) {
        return new AuditLog(Objects.requireNonNull(database, "database"), Objects.requireNonNull(clock, "clock"));
    }

    /** Records {@code entry} in a transaction of its own. */
    public AuditEvent append(AuditEntry entry) {
        return database.inTransaction(connection -> append(connection, entry));
    }

    /** Records {@code entry} within the caller's transaction, so that it is kept exactly if the audited change is. */
    public AuditEvent append(Connection connection, AuditEntry entry) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(entry, "entry");
        AuditEvent event = new AuditEvent(UUID.randomUUID(), JdbcValues.storable(clock.instant()), entry);
        String sql = "INSERT INTO ozg_audit_event (id, occurred_at, tenant_id, actor, action, subject_type,"
                + " subject_id, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, event.id());
            JdbcValues.setInstant(statement, 2, event.occurredAt());
            statement.setString(3, entry.tenantId().value());
            statement.setString(4, entry.actor());
            statement.setString(5, entry.action());
            statement.setString(6, entry.subjectType());
            statement.setString(7, entry.subjectId());
            statement.setString(8, entry.outcome().name());
            statement.executeUpdate();
            return event;
        } catch (SQLException e) {
            throw SqlFailures.failed("audit.append", e);
        }
    }

    /** The events of {@code tenantId} recorded in [{@code from}, {@code to}), in the order they were appended. */
    public List<AuditEvent> query(TenantId tenantId, Instant from, Instant to) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "to", "must not be before from");
        }
        String sql = "SELECT id, occurred_at, tenant_id, actor, action, subject_type, subject_id, outcome"
                + " FROM ozg_audit_event WHERE tenant_id = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY seq";
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenantId.value());
            JdbcValues.setInstant(statement, 2, from);
            JdbcValues.setInstant(statement, 3, to);
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
                }
            }
            return events;
        } catch (SQLException e) {
            throw SqlFailures.failed("audit.query", e);
        }
    }

    private static AuditEvent event(ResultSet row) throws SQLException {
        AuditEntry entry = AuditEntry.of(row.getString("tenant_id"), row.getString("actor"), row.getString("action"),
                row.getString("subject_type"), row.getString("subject_id"),
                AuditOutcome.valueOf(row.getString("outcome")));
        return new AuditEvent(JdbcValues.getUuid(row, "id"), JdbcValues.getInstant(row, "occurred_at"), entry);
    }
}
