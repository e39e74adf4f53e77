package de.ozgsdk.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes instants and UUIDs the same way on H2 and PostgreSQL. */
public final class JdbcValues {

    private JdbcValues() {
    }

    /**
     * Cuts an instant to the microseconds both databases store, so that what is written reads back equal.
     */
    public static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(storable(instant), ZoneOffset.UTC));
    }

    public static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Optional<Instant> getOptionalInstant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(getInstant(row, column));
    }

    public static UUID getUuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }
}
