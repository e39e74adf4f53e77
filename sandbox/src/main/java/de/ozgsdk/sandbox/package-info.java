/**
 * Realistic mock servers of the external systems an online service talks to, all of one shape ({@link
 * de.ozgsdk.sandbox.MockServer}): an embedded Jetty 12 server on a loopback port, started by a builder and closed
 * after the test, with scripted {@link de.ozgsdk.sandbox.Faults faults}, an admin endpoint under {@code /__admin/} and
 * a masked {@link de.ozgsdk.sandbox.Records record} of what it received. {@link de.ozgsdk.sandbox.SandboxPki} issues
 * the certificates of https mocks and of clients for mutual TLS. A JUnit 5 extension and a runnable jar will compose
 * these servers.
 */
package de.ozgsdk.sandbox;
