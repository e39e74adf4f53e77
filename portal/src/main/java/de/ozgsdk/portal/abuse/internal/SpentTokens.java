package de.ozgsdk.portal.abuse.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * The challenge answers and waiting tokens already accepted (table {@code ozg_portal_abuse_spent}, migration V11),
 * so that every node accepts each exactly once. Only a SHA-256 of the token is stored.
 */
public final class SpentTokens {

    private final DataSource dataSource;

    /** Tokens in {@code dataSource}. */
    public SpentTokens(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks {@code token} as used until {@code expires}; false if it was used before (on any node). */
    public boolean spend(String token, Instant expires) {
        return JdbcBuckets.run(dataSource, "spend token", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ozg_portal_abuse_spent (token_hash, expires_at) VALUES (?, ?)")) {
                insert.setString(1, Keys.sha256(token));
                insert.setObject(2, OffsetDateTime.ofInstant(expires.truncatedTo(ChronoUnit.MICROS),
                        ZoneOffset.UTC));
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Forgets the tokens whose challenge has expired (they are refused as expired anyway); returns how many. */
    public int purgeExpired(Instant now) {
        return JdbcBuckets.run(dataSource, "purge tokens", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ozg_portal_abuse_spent WHERE expires_at < ?")) {
                delete.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                return delete.executeUpdate();
            }
        });
    }
}
