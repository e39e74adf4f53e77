/**
 * The RFC 3161 time-stamp authority mock ({@link de.ozgsdk.sandbox.tsa.TimestampAuthorityMock}): signs time-stamp
 * tokens with a generated or given time-stamping certificate, and lies in the ways a client must notice (wrong nonce
 * or imprint, expired or untrusted certificate, damaged signature, rejections).
 */
package de.ozgsdk.sandbox.tsa;
