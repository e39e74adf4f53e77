/**
 * Mock servers of the payment services: {@link de.ozgsdk.sandbox.payment.XBezahldiensteMock} speaks XBezahldienste
 * 1.0 (as ePayBL konnektor, pmPayment and GiroCheckout do) with a pay page, an OAuth2 token endpoint or mutual TLS,
 * and scripted faults. Written from the FITKO description, independent of the SDK's payment client. See
 * {@code sandbox/SANDBOX.md}.
 */
package de.ozgsdk.sandbox.payment;
