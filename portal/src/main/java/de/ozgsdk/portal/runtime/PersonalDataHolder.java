package de.ozgsdk.portal.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Something outside the runtime's own tables that keeps personal data of an application, such as the store of
 * uploaded files: the runtime calls {@link #erase} of every registered holder
 * ({@link ServiceRuntime.Builder#personalDataHolder}) whenever the data of an application must go: after the receiver
 * accepted it (and the retention passed), when an undelivered one reaches the maximum retention, when the citizen
 * deletes the draft, and when an expired draft is purged.
 *
 * <pre>{@code
 * builder.retention(policy)
 *         .personalDataHolder((connection, application) -> uploads.eraseAll(connection, application));
 * }</pre>
 */
@FunctionalInterface
public interface PersonalDataHolder {

    /**
     * Erases everything this holder keeps of {@code application} (its draft id and owner; after submission the same
     * id as {@link SubmissionReceipt#applicationId()}). Called in the runtime's transaction on {@code connection}, so
     * rows deleted through it go or stay together with the runtime's own; data outside the database (files) should be
     * removed so that a repeated call after a rollback does no harm. Must be idempotent: an application without data
     * is no error.
     *
     * @throws SQLException (or any runtime exception) to roll the whole erasure back; it is tried again later
     */
    void erase(Connection connection, ApplicationRef application) throws SQLException;
}
