/** Internals of the FIT-Connect client (HTTP with OAuth2 tokens, JWE, SET checks, key checks); not a public API. */
package de.ozgsdk.transfer.fitconnect.internal;
