package de.ozgsdk.http.timestamp;

import de.ozgsdk.core.ErrorCode;

/**
 * Error codes of the RFC 3161 time-stamp client ({@code OZG-TSA-xxx}): 1xx configuration and input, 2xx the
 * time-stamp authority failed or answered badly, 3xx a security check of the answer or of a token failed.
 */
public enum TimestampError implements ErrorCode {
    /** The TSA URL given to the builder is not an absolute http(s) URL. */
    TSA_URL_INVALID("OZG-TSA-101"),
    /** The client was built without any trust anchor. */
    TRUST_ANCHORS_MISSING("OZG-TSA-102"),
    /** The policy OID given to the builder is not a valid object identifier. */
    POLICY_OID_INVALID("OZG-TSA-103"),
    /** The allowed clock skew given to the builder is negative or too large. */
    CLOCK_SKEW_INVALID("OZG-TSA-104"),
    /** The digest given to {@code stampDigest} is not a SHA-256 digest (32 bytes). */
    DIGEST_LENGTH_INVALID("OZG-TSA-105"),
    /** Bytes given as an archived time-stamp token are not a DER-encoded RFC 3161 token. */
    TOKEN_MALFORMED("OZG-TSA-106"),

    /** The TSA could not be reached or the connection broke. */
    TSA_UNREACHABLE("OZG-TSA-201"),
    /** The TSA answered with an HTTP error status. */
    TSA_HTTP_ERROR("OZG-TSA-202"),
    /** The TSA answered with a content type other than {@code application/timestamp-reply}. */
    TSA_UNEXPECTED_CONTENT_TYPE("OZG-TSA-203"),
    /** The TSA's answer is larger than the client accepts. */
    TSA_RESPONSE_TOO_LARGE("OZG-TSA-204"),
    /** The TSA's answer is not a DER-encoded RFC 3161 {@code TimeStampResp}. */
    TSA_RESPONSE_MALFORMED("OZG-TSA-205"),
    /** The TSA refused the request (PKIStatus rejection or waiting, or another status than granted). */
    TSA_REJECTED("OZG-TSA-206"),

    /** The token's nonce differs from the nonce of the request: the answer belongs to another request. */
    NONCE_MISMATCH("OZG-TSA-301"),
    /** The token's message imprint differs from the digest that was sent. */
    IMPRINT_MISMATCH("OZG-TSA-302"),
    /** The token names another policy than the one requested. */
    POLICY_MISMATCH("OZG-TSA-303"),
    /** The token does not contain the TSA's signing certificate although it was requested. */
    SIGNER_CERTIFICATE_MISSING("OZG-TSA-304"),
    /** The TSA's certificate is not marked (critical extended key usage timeStamping only) for time-stamping. */
    SIGNER_CERTIFICATE_NOT_FOR_TIMESTAMPING("OZG-TSA-305"),
    /** The TSA's certificate does not chain to a configured trust anchor. */
    SIGNER_CERTIFICATE_UNTRUSTED("OZG-TSA-306"),
    /** The TSA's certificate was not valid at the token's genTime. */
    SIGNER_CERTIFICATE_NOT_VALID_AT_GEN_TIME("OZG-TSA-307"),
    /** The token's signature does not verify with the TSA's certificate, or does not bind that certificate. */
    SIGNATURE_INVALID("OZG-TSA-308"),
    /** The token's genTime lies further in the future than the allowed clock skew. */
    GEN_TIME_IN_FUTURE("OZG-TSA-309"),
    /** The token uses a hash algorithm for its imprint that the SDK does not accept (only SHA-2 256/384/512). */
    HASH_ALGORITHM_NOT_ACCEPTED("OZG-TSA-310"),
    /** The token does not cover the data (or digest) it is checked against. */
    TOKEN_DOES_NOT_MATCH_DATA("OZG-TSA-311"),
    /** A certificate carried in the token is not a well-formed X.509 certificate. */
    TOKEN_CERTIFICATE_MALFORMED("OZG-TSA-312");

    private final String code;

    TimestampError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.http.timestamp.messages";
    }
}
