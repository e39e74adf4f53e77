/**
 * Internals of the JDBC persistence layer (database dialects, migrations, column conversions, the H2 append-only
 * trigger); not part of the public API and may change without notice.
 */
package de.ozgsdk.persistence.internal;
