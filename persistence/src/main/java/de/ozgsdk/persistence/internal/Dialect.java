package de.ozgsdk.persistence.internal;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.persistence.PersistenceError;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the persistence layer supports, with what differs between them. */
public enum Dialect {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** Recognises the database behind {@code connection} from its metadata. */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String normalized = product.toLowerCase(Locale.ROOT);
        if (normalized.equals("h2")) {
            return H2;
        }
        if (normalized.equals("postgresql")) {
            return POSTGRESQL;
        }
        throw new ConfigurationException(PersistenceError.DATABASE_UNSUPPORTED, product);
    }

    /** Flyway location of the migrations only this database needs (triggers); the common ones are shared. */
    public String migrationLocation() {
        return "classpath:db/ozg/migration/" + migrationFolder;
    }
}
