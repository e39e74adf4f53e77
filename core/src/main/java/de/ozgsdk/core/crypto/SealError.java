package de.ozgsdk.core.crypto;

import de.ozgsdk.core.ErrorCode;

/** Error codes of {@link Sealer} ({@code OZG-SEAL-xxx}): key configuration (1xx) and opening sealed data (2xx). */
public enum SealError implements ErrorCode {
    KEY_ID_INVALID("OZG-SEAL-101"),
    KEY_LENGTH_INVALID("OZG-SEAL-102"),
    KEY_BASE64_INVALID("OZG-SEAL-103"),
    KEY_ID_DUPLICATE("OZG-SEAL-104"),
    NO_KEYS("OZG-SEAL-105"),
    PRIMARY_KEY_UNKNOWN("OZG-SEAL-106"),
    SEALED_DATA_MALFORMED("OZG-SEAL-201"),
    SEALED_FORMAT_UNSUPPORTED("OZG-SEAL-202"),
    KEY_ID_UNKNOWN("OZG-SEAL-203"),
    SEALED_DATA_TAMPERED("OZG-SEAL-204"),
    SEALED_STREAM_TRUNCATED("OZG-SEAL-205"),
    CIPHER_UNAVAILABLE("OZG-SEAL-301");

    private final String code;

    SealError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.core.crypto.sealmessages";
    }
}
