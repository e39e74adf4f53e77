/**
 * The XBezahldienste client (FITKO standard, REST/JSON): one
 * {@link de.ozgsdk.payment.xbezahldienste.XBezahldiensteClient} for ePayBL (Dataport konnektor), pmPayment and
 * GiroCheckout, with mutual TLS or OAuth2 client credentials as the
 * {@link de.ozgsdk.payment.xbezahldienste.XBezahldiensteAuthentication} and base URL
 * {@link de.ozgsdk.payment.xbezahldienste.XBezahldienstePreset presets}. See {@code payment/PAYMENT.md}.
 */
package de.ozgsdk.payment.xbezahldienste;
