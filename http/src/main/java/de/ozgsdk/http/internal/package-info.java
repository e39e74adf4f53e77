/** Internals of the HTTP client factory (retry, user agent, TLS set-up); not a public API. */
package de.ozgsdk.http.internal;
