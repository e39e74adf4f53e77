package de.ozgsdk.transfer;

import de.ozgsdk.core.ErrorCode;

/** Error codes of the transfer module ({@code OZG-TRANSFER-1xx}; FIT-Connect {@code OZG-TRANSFER-2xx}). */
public enum TransferError implements ErrorCode {
    /** A submission id is not usable as idempotency key and file name. */
    SUBMISSION_ID_INVALID("OZG-TRANSFER-101"),
    /** A spooled application file is missing or not a readable regular file. */
    APPLICATION_FILE_UNREADABLE("OZG-TRANSFER-102"),
    /** A route of a {@link ChannelRouter} has an invalid or repeated destination name. */
    ROUTE_INVALID("OZG-TRANSFER-103"),
    /** An outbox entry names a destination for which no channel is configured (permanent). */
    NO_CHANNEL_FOR_DESTINATION("OZG-TRANSFER-104"),
    /** The endpoint of an {@link HttpsChannel} is not an absolute {@code https} URL. */
    HTTPS_ENDPOINT_INVALID("OZG-TRANSFER-105"),
    /** An {@link HttpsChannel} was configured without a client certificate for mutual TLS. */
    HTTPS_CLIENT_CERTIFICATE_MISSING("OZG-TRANSFER-106"),
    /** The receiver refused the application with a 4xx status (permanent). */
    HTTPS_REFUSED("OZG-TRANSFER-110"),
    /** The receiver is unavailable or overloaded: 5xx, 408, 425 or 429 (retryable). */
    HTTPS_UNAVAILABLE("OZG-TRANSFER-111"),
    /** The receiver could not be reached, or the connection broke or timed out (retryable). */
    HTTPS_CONNECTION_FAILED("OZG-TRANSFER-112"),
    /** The receiver answered 2xx without a receipt in the body (retryable). */
    HTTPS_RECEIPT_MISSING("OZG-TRANSFER-113"),
    /** The receipt in the receiver's answer is larger than the limit (retryable). */
    HTTPS_RECEIPT_TOO_LARGE("OZG-TRANSFER-114"),
    /** The receiver answered with a redirect, which is not followed for a submission (permanent). */
    HTTPS_REDIRECTED("OZG-TRANSFER-115"),
    /** The drop directory of a {@link FileDropChannel} does not exist or is not a writable directory. */
    DROP_DIRECTORY_INVALID("OZG-TRANSFER-120"),
    /** Writing the application or its done marker into the drop directory failed (retryable). */
    DROP_WRITE_FAILED("OZG-TRANSFER-121"),
    /** A FIT-Connect setting is missing or invalid (builder). */
    FITCONNECT_CONFIG_INVALID("OZG-TRANSFER-200"),
    /** The OAuth2 token endpoint refused our client credentials (permanent) or is unavailable (retryable). */
    FITCONNECT_TOKEN_FAILED("OZG-TRANSFER-201"),
    /** The delivery service (Zustelldienst) is unavailable, timed out or broke the connection (retryable). */
    FITCONNECT_UNAVAILABLE("OZG-TRANSFER-202"),
    /** The delivery service refused a step of the submission with a 4xx status (permanent). */
    FITCONNECT_REFUSED("OZG-TRANSFER-203"),
    /** The destination (Zustellpunkt) cannot take the submission: status, metadata version or service (permanent). */
    FITCONNECT_DESTINATION_UNUSABLE("OZG-TRANSFER-204"),
    /** The destination's encryption key is unusable: no wrapKey, shorter than 4096 bit, untrusted chain (permanent). */
    FITCONNECT_KEY_REJECTED("OZG-TRANSFER-205"),
    /** A Security Event Token failed its check: signature, key, header or claims. */
    FITCONNECT_SET_INVALID("OZG-TRANSFER-206"),
    /** The receiver rejected the submission (reject-submission with problems; permanent). */
    FITCONNECT_REJECTED("OZG-TRANSFER-207"),
    /** The authentication tags of an accept-submission event differ from the JWE tags we sent. */
    FITCONNECT_TAGS_MISMATCH("OZG-TRANSFER-208"),
    /** A callback of the delivery service failed its HMAC or timestamp check. */
    FITCONNECT_CALLBACK_INVALID("OZG-TRANSFER-209"),
    /** A route of the Routing API failed the check of its signed destination information. */
    FITCONNECT_ROUTE_INVALID("OZG-TRANSFER-210"),
    /** A received submission could not be decrypted or read (subscriber). */
    FITCONNECT_SUBMISSION_UNREADABLE("OZG-TRANSFER-211"),
    /** The durable record of FIT-Connect submissions could not be read or written (retryable). */
    FITCONNECT_LEDGER_FAILED("OZG-TRANSFER-212"),
    /** The delivery service answered with a body that does not follow the Submission API (retryable). */
    FITCONNECT_ANSWER_INVALID("OZG-TRANSFER-213");

    private final String code;

    TransferError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.transfer.messages";
    }
}
