package de.ozgsdk.persistence.internal;

import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.persistence.PersistenceError;
import java.sql.SQLException;

/** Turns JDBC failures into the SDK's exceptions without copying SQL text or values (they may hold personal data). */
public final class SqlFailures {

    /** SQLState of a unique constraint violation, the same on H2 and PostgreSQL. */
    public static final String UNIQUE_VIOLATION = "23505";
    /** SQLState H2 reports for a deadlock (and PostgreSQL for a serialization failure): the transaction was undone. */
    public static final String DEADLOCK = "40001";

    private SqlFailures() {
    }

    /** A {@link ProcessingException} naming the failed operation (e.g. {@code "outbox.claim"}) and the SQLState. */
    public static ProcessingException failed(String operation, SQLException cause) {
        return new ProcessingException(PersistenceError.SQL_FAILED, cause, operation, cause.getSQLState());
    }
}
