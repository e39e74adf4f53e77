/**
 * Payment of fees inside the online service: the {@link de.ozgsdk.payment.PaymentProvider} SPI the portal drives
 * (start → redirect to the pay page → complete by status query), the {@link de.ozgsdk.payment.PaymentOrder} that is
 * checked against the SEPA and XBezahldienste constraints before anything is sent, and the states of a payment
 * ({@link de.ozgsdk.payment.PaymentState}). The XBezahldienste client (ePayBL konnektor, pmPayment, GiroCheckout) is
 * in {@code de.ozgsdk.payment.xbezahldienste}. See {@code payment/PAYMENT.md}.
 */
package de.ozgsdk.payment;
