/**
 * The HTTP client factory of the SDK ({@link de.ozgsdk.http.OzgHttpClients}) with its configuration
 * ({@link de.ozgsdk.http.HttpClientConfig}), idempotency keys that make a POST retryable, and an exchange
 * logging interceptor that never logs query strings, headers or bodies.
 */
package de.ozgsdk.http;
