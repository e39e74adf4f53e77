package de.ozgsdk.auth;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.persistence.Database;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The {@link PendingRequestStore} on the SDK's database (tables {@code ozg_auth_request} and
 * {@code ozg_auth_used_message}, migration V7 of ozg-persistence): several portal nodes share started logins and
 * the replay record. Thread-safe.
 */
public final class JdbcPendingRequestStore implements PendingRequestStore {

    /** SQLSTATE of a unique or primary key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    private JdbcPendingRequestStore(Database database) {
        this.database = database;
    }

    /** The store in {@code database} (migrated by {@link Database}). */
    public static JdbcPendingRequestStore of(Database database) {
        return new JdbcPendingRequestStore(Objects.requireNonNull(database, "database"));
    }

    @Override
    public void remember(PendingRequest request) {
        Objects.requireNonNull(request, "request");
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO ozg_auth_request (request_id,"
                        + " provider_id, required_level, data, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, request.id());
            insert.setString(2, request.providerId());
            insert.setString(3, request.requiredLevel().name());
            insert.setString(4, encode(request.data()));
            insert.setTimestamp(5, Timestamp.from(request.createdAt()));
            insert.setTimestamp(6, Timestamp.from(request.expiresAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConflictException(AuthError.PENDING_REQUEST_DUPLICATE, e, request.id());
            }
            throw failed("remember", e);
        }
    }

    @Override
    public Optional<PendingRequest> take(String id, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        try {
            return database.inTransaction(connection -> {
                Optional<PendingRequest> found = select(connection, id);
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM ozg_auth_request WHERE request_id = ?")) {
                    delete.setString(1, id);
                    // Only the node whose DELETE removed the row completes the login; a concurrent one sees 0 rows.
                    if (delete.executeUpdate() != 1) {
                        return Optional.<PendingRequest>empty();
                    }
                }
                return found.filter(request -> request.isOpenAt(now));
            });
        } catch (ProcessingException e) {
            throw failed("take", e);
        }
    }

    private static Optional<PendingRequest> select(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT request_id, provider_id, required_level,"
                + " data, created_at, expires_at FROM ozg_auth_request WHERE request_id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PendingRequest(row.getString(1), row.getString(2),
                        TrustLevel.valueOf(row.getString(3)), row.getTimestamp(5).toInstant(),
                        row.getTimestamp(6).toInstant(), decode(row.getString(4))));
            }
        }
    }

    @Override
    public boolean markUsed(String messageId, Instant keepUntil) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(keepUntil, "keepUntil");
        // Auto-commit on its own connection: a key violation must not abort a surrounding PostgreSQL transaction.
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO ozg_auth_used_message (message_id, keep_until) VALUES (?, ?)")) {
            insert.setString(1, messageId);
            insert.setTimestamp(2, Timestamp.from(keepUntil));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw failed("markUsed", e);
        }
    }

    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        try {
            return database.inTransaction(connection -> {
                int removed = 0;
                try (PreparedStatement requests = connection.prepareStatement(
                        "DELETE FROM ozg_auth_request WHERE expires_at <= ?");
                        PreparedStatement used = connection.prepareStatement(
                                "DELETE FROM ozg_auth_used_message WHERE keep_until <= ?")) {
                    requests.setTimestamp(1, Timestamp.from(now));
                    used.setTimestamp(1, Timestamp.from(now));
                    removed += requests.executeUpdate();
                    removed += used.executeUpdate();
                }
                return removed;
            });
        } catch (ProcessingException e) {
            throw failed("purgeExpired", e);
        }
    }

    static String encode(Map<String, String> data) {
        StringJoiner pairs = new StringJoiner("&");
        data.forEach((key, value) -> pairs.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return pairs.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> data = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return data;
        }
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            data.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return data;
    }

    private static ProcessingException failed(String operation, Exception cause) {
        return new ProcessingException(AuthError.PENDING_STORE_FAILED, cause, operation,
                cause.getClass().getSimpleName());
    }
}
