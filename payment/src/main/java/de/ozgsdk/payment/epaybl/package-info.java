/**
 * Classic ePayBL (SOAP 1.1, {@code http://www.bff.bund.de/ePayment}): {@link de.ozgsdk.payment.epaybl.EpayblClient}
 * creates the Kassenzeichen and reads its outcome, {@link de.ozgsdk.payment.epaybl.EpayblPaypage} builds the Paypage
 * link with signed backlinks. See {@code payment/EPAYBL.md}.
 */
package de.ozgsdk.payment.epaybl;
