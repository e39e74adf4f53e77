package de.ozgsdk.core;

/** Error codes of the core value types ({@code OZG-CORE-1xx}). */
public enum CoreError implements ErrorCode {
    LEIKA_KEY_INVALID("OZG-CORE-101"),
    REGIONAL_KEY_INVALID("OZG-CORE-102"),
    REGIONAL_KEY_UNKNOWN_LAND("OZG-CORE-103"),
    TENANT_ID_INVALID("OZG-CORE-104"),
    MONEY_INVALID("OZG-CORE-105"),
    TRUST_LEVEL_UNKNOWN("OZG-CORE-106"),
    LOCALIZED_TEXT_INVALID("OZG-CORE-107");

    private final String code;

    CoreError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.core.messages";
    }
}
