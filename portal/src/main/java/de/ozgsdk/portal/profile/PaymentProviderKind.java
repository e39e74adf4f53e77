package de.ozgsdk.portal.profile;

/** A kind of payment provider a portal can connect (payment module of the SDK). */
public enum PaymentProviderKind {
    /** ePayBL over its SOAP interface. */
    EPAYBL,
    /** The XBezahldienste interface (ePayBL konnektor, pmPayment, GiroCheckout). */
    XBEZAHLDIENSTE
}
