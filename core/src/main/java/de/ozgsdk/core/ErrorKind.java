package de.ozgsdk.core;

/** What kind of failure an {@link OzgException} reports, so that a caller can react by kind rather than by code. */
public enum ErrorKind {
    /** The caller's input is bad; retrying the same input will fail again. */
    INVALID_INPUT,
    /** A security check failed (signature, certificate, ownership, tampering); never retry blindly. */
    SECURITY,
    /** The request conflicts with the current state (stale version, duplicate); reload and decide again. */
    CONFLICT,
    /** What was asked for does not exist (or no longer exists). */
    NOT_FOUND,
    /** A remote system failed or answered badly; the exception says whose side presumably failed. */
    REMOTE_FAILURE,
    /** The SDK is configured wrongly (missing key, unreachable database); fix the configuration. */
    CONFIGURATION,
    /** Processing failed inside the SDK for a reason that is not the caller's input. */
    PROCESSING
}
