package de.ozgsdk.postbox;

/**
 * The processing state of an application as the BundID Statusmonitor shows it ({@code status} of {@code status_v6}).
 */
public enum ApplicationStatus {
    /** Begun by the citizen, not yet submitted. */
    INITIATED,
    /** Submitted by the citizen. */
    SUBMITTED,
    /** Received by the authority. */
    RECEIVED,
    /** In Bearbeitung. */
    PROCESSING,
    /** The citizen has to act (e.g. hand in a document). */
    ACTION_REQUIRED,
    /** Abgeschlossen. */
    COMPLETED
}
