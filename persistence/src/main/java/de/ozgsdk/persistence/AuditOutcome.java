package de.ozgsdk.persistence;

/** How the audited action ended. */
public enum AuditOutcome {
    /** The action was carried out. */
    SUCCESS,
    /** The action was attempted and failed. */
    FAILURE,
    /** The action was refused (missing right, failed security check). */
    DENIED
}
