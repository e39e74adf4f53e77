/**
 * Internals of the RFC 3161 time-stamp client: checking a {@code TimeStampResp} against its request and verifying a
 * {@code TimeStampToken} against trust anchors. Not part of the public API; may change without notice.
 */
package de.ozgsdk.http.internal.timestamp;
