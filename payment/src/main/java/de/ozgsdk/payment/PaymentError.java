package de.ozgsdk.payment;

import de.ozgsdk.core.ErrorCode;

/**
 * Error codes of the payment module: {@code OZG-PAYMENT-1xx} for the order, the state machine and XBezahldienste;
 * {@code OZG-PAYMENT-2xx} is reserved for the classic ePayBL SOAP client.
 */
public enum PaymentError implements ErrorCode {
    /** The application id cannot be turned into an XBezahldienste {@code requestId}. */
    APPLICATION_ID_INVALID("OZG-PAYMENT-101"),
    /** The amount of the order or of a booking line is out of range (not positive, over the limit). */
    AMOUNT_INVALID("OZG-PAYMENT-102"),
    /** The purpose (SEPA Verwendungszweck) is too long or has characters SEPA does not allow. */
    PURPOSE_INVALID("OZG-PAYMENT-103"),
    /** The description of the order is too long. */
    DESCRIPTION_INVALID("OZG-PAYMENT-104"),
    /** The order has no booking line or more than the interface allows. */
    BOOKING_LINES_INVALID("OZG-PAYMENT-105"),
    /** One booking line misses Haushaltsstelle or Buchungstext, or has an invalid part. */
    BOOKING_LINE_INVALID("OZG-PAYMENT-106"),
    /** The return URL to which the pay page sends the browser back is not an absolute http(s) URL within the limit. */
    RETURN_URL_INVALID("OZG-PAYMENT-107"),
    /** A payment reference (our request id or the provider's transaction id) is malformed. */
    REFERENCE_INVALID("OZG-PAYMENT-108"),
    /** No payment is recorded under the reference. */
    PAYMENT_UNKNOWN("OZG-PAYMENT-110"),
    /** A transition the payment state machine does not allow, such as PAID to FAILED. */
    TRANSITION_INVALID("OZG-PAYMENT-111"),
    /** The payment records could not be read or written (database). */
    LEDGER_FAILED("OZG-PAYMENT-112"),
    /** The browser's return names another payment than the one it belongs to (tampered redirect). */
    RETURN_MISMATCH("OZG-PAYMENT-113"),
    /** The same application id was started again with a different order (amount or booking lines). */
    ORDER_CHANGED("OZG-PAYMENT-114"),
    /** A setting of the {@link PaymentReconciliation} is out of range. */
    RECONCILIATION_SETTING_INVALID("OZG-PAYMENT-115"),
    /** An XBezahldienste setting is missing or invalid (builder). */
    XBEZAHLDIENSTE_CONFIG_INVALID("OZG-PAYMENT-130"),
    /** The OAuth2 token endpoint refused the client credentials or is unavailable. */
    XBEZAHLDIENSTE_TOKEN_FAILED("OZG-PAYMENT-131"),
    /** The payment service is unavailable, timed out or broke the connection (retryable). */
    XBEZAHLDIENSTE_UNAVAILABLE("OZG-PAYMENT-132"),
    /** The payment service refused the request with a 4xx status and a problem code (permanent). */
    XBEZAHLDIENSTE_REFUSED("OZG-PAYMENT-133"),
    /** The payment service answered with a body that does not follow XBezahldienste. */
    XBEZAHLDIENSTE_ANSWER_INVALID("OZG-PAYMENT-134"),
    /** The payment service reports another amount, request or currency than ordered. */
    XBEZAHLDIENSTE_MISMATCH("OZG-PAYMENT-135"),
    /** The payment service answered PAYMENT_EXISTS without saying which transaction exists. */
    XBEZAHLDIENSTE_PAYMENT_EXISTS("OZG-PAYMENT-136"),
    /** An ePayBL setting is missing or invalid (builder, Mandant, Paypage). */
    EPAYBL_CONFIG_INVALID("OZG-PAYMENT-201"),
    /** ePayBL is unavailable: no connection, timeout, HTTP 5xx, or isAlive answered istOk=false (retryable). */
    EPAYBL_UNAVAILABLE("OZG-PAYMENT-202"),
    /** An ePayBL operation answered ergebnis istOk=false with its code, kurzText and langText. */
    EPAYBL_REFUSED("OZG-PAYMENT-203"),
    /** ePayBL answered with a SOAP fault. */
    EPAYBL_SOAP_FAULT("OZG-PAYMENT-204"),
    /** ePayBL answered with something that is no readable SOAP answer of the operation. */
    EPAYBL_ANSWER_INVALID("OZG-PAYMENT-205"),
    /** ePayBL reports another Kassenzeichen, customer number or amount than this payment's. */
    EPAYBL_MISMATCH("OZG-PAYMENT-206"),
    /** A Paypage backlink was changed, is incomplete, or belongs to another payment. */
    EPAYBL_BACKLINK_INVALID("OZG-PAYMENT-207"),
    /** Kassenzeichen + "/" + Buchungstext does not fit the 27 SEPA characters of the Verwendungszweck. */
    EPAYBL_VERWENDUNGSZWECK_INVALID("OZG-PAYMENT-208");

    private final String code;

    PaymentError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.payment.messages";
    }
}
