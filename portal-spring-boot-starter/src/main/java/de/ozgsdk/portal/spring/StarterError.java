package de.ozgsdk.portal.spring;

import de.ozgsdk.core.ErrorCode;

/** Error codes of the Spring Boot starter ({@code OZG-SPRING-1xx} settings, {@code 2xx} health checks). */
public enum StarterError implements ErrorCode {
    /** A setting the portal cannot start without is not set. */
    SETTING_MISSING("OZG-SPRING-101"),
    /** A setting has a value the portal cannot use. */
    SETTING_INVALID("OZG-SPRING-102"),
    /** A key or certificate file named by a setting cannot be read. */
    KEY_FILE_UNREADABLE("OZG-SPRING-103"),
    /** The IdP metadata named by a URL setting cannot be fetched. */
    METADATA_UNREACHABLE("OZG-SPRING-104"),
    /** The IdP metadata now served differs in its signing keys from those the running SP trusts. */
    METADATA_KEYS_CHANGED("OZG-SPRING-105"),
    /** The database does not answer the health check. */
    DATABASE_UNHEALTHY("OZG-SPRING-201"),
    /** A file drop directory of a back-office route is missing or not writable. */
    FILE_DROP_UNWRITABLE("OZG-SPRING-202"),
    /** The outbox holds messages that failed for good. */
    OUTBOX_DEAD_MESSAGES("OZG-SPRING-203");

    private final String code;

    StarterError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.portal.spring.messages";
    }
}
