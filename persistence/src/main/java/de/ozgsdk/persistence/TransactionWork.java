package de.ozgsdk.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work that runs inside one database transaction opened by {@link Database#inTransaction} and yields a result.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface TransactionWork<T> {

    /** Runs with a connection whose transaction commits when this returns and rolls back when this throws. */
    T execute(Connection connection) throws SQLException;
}
