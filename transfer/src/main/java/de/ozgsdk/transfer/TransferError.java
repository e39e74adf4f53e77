package de.ozgsdk.transfer;

import de.ozgsdk.core.ErrorCode;

/** Error codes of the transfer module ({@code OZG-TRANSFER-1xx}). */
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
    DROP_WRITE_FAILED("OZG-TRANSFER-121");

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
