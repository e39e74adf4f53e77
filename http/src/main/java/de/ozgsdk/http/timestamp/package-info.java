/**
 * RFC 3161 time-stamps from a time-stamp authority (TSA), to prove when an application or receipt existed, for
 * instance that a legal deadline was met: {@link de.ozgsdk.http.timestamp.TimestampClient} obtains and verifies a
 * token, {@link de.ozgsdk.http.timestamp.TimestampToken} holds it and verifies it again from its archived bytes.
 */
package de.ozgsdk.http.timestamp;
