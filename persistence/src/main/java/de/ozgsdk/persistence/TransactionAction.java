package de.ozgsdk.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** Work without a result that runs inside one database transaction opened by {@link Database#runInTransaction}. */
@FunctionalInterface
public interface TransactionAction {

    /** Runs with a connection whose transaction commits when this returns and rolls back when this throws. */
    void execute(Connection connection) throws SQLException;
}
