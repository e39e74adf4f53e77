package de.ozgsdk.persistence;

import de.ozgsdk.core.ErrorCode;

/**
 * Error codes of the persistence layer ({@code OZG-DB-xxx}): database set-up (1xx), drafts (2xx), outbox (3xx),
 * audit log (4xx).
 */
public enum PersistenceError implements ErrorCode {
    DATABASE_UNREACHABLE("OZG-DB-101"),
    MIGRATION_FAILED("OZG-DB-102"),
    DATABASE_UNSUPPORTED("OZG-DB-103"),
    SQL_FAILED("OZG-DB-104"),
    ARGUMENT_INVALID("OZG-DB-105"),
    DRAFT_NOT_FOUND("OZG-DB-201"),
    DRAFT_VERSION_CONFLICT("OZG-DB-202"),
    OUTBOX_LEASE_LOST("OZG-DB-301"),
    OUTBOX_ENTRY_NOT_FOUND("OZG-DB-302"),
    OUTBOX_ENTRY_NOT_DEAD("OZG-DB-303"),
    OUTBOX_ATTEMPTS_WITHOUT_OUTCOME("OZG-DB-304"),
    AUDIT_EVENT_INVALID("OZG-DB-401");

    private final String code;

    PersistenceError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.persistence.messages";
    }
}
