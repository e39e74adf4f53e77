package de.ozgsdk.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger that refuses every UPDATE and DELETE on the audit table, so that not even SQL outside the SDK can change
 * recorded events (PostgreSQL gets the same guard as a PL/pgSQL trigger).
 */
public final class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("ozg_audit_event is append-only: UPDATE and DELETE are refused", "42501");
    }
}
