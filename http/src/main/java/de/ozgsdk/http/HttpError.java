package de.ozgsdk.http;

import de.ozgsdk.core.ErrorCode;

/** Error codes of the HTTP client factory ({@code OZG-HTTP-1xx}). */
public enum HttpError implements ErrorCode {
    /** A timeout setting is zero, negative or too large. */
    TIMEOUT_INVALID("OZG-HTTP-101"),
    /** The maximum number of retries is out of range. */
    RETRIES_INVALID("OZG-HTTP-102"),
    /** The backoff base or cap is out of range, or the base exceeds the cap. */
    BACKOFF_INVALID("OZG-HTTP-103"),
    /** The component name for the user agent is not a token. */
    COMPONENT_INVALID("OZG-HTTP-104"),
    /** An idempotency key is blank, too long or has characters not allowed in a header. */
    IDEMPOTENCY_KEY_INVALID("OZG-HTTP-105"),
    /** The TLS context could not be built from the configured credential and trust anchors. */
    TLS_SETUP_FAILED("OZG-HTTP-106");

    private final String code;

    HttpError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.http.messages";
    }
}
