/**
 * Payment: the XBezahldienste client (ePayBL konnektor, pmPayment, GiroCheckout), the classic ePayBL SOAP client, the payment state machine and return verification by status query.
 *
 * <p>This module is part of the build but not yet filled; its issue in the tracker says what it will offer.
 */
package de.ozgsdk.payment;
