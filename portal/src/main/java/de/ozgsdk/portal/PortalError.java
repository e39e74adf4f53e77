package de.ozgsdk.portal;

import de.ozgsdk.core.ErrorCode;

/**
 * Error codes of the portal module: {@code OZG-PORTAL-1xx} service definitions and packages, {@code 2xx} portal
 * profiles and the compatibility check, {@code 3xx} the runtime, {@code 4xx} receipt and findability, {@code 5xx}
 * web adapter, host and tenants.
 */
public enum PortalError implements ErrorCode {
    /** A part of an online service definition is missing or invalid (builder or descriptor). */
    SERVICE_DEFINITION_INVALID("OZG-PORTAL-100"),
    /** A step of an online service names an element that is not a top-level element of its form, or none. */
    SERVICE_STEP_INVALID("OZG-PORTAL-101"),
    /** A prefill rule of an online service targets a field the form does not have. */
    SERVICE_PREFILL_INVALID("OZG-PORTAL-102"),
    /** A fee rule of an online service refers to a field or group the form does not have. */
    SERVICE_FEE_RULE_INVALID("OZG-PORTAL-103"),
    /** A tenant definition is missing a part or has an invalid one. */
    TENANT_DEFINITION_INVALID("OZG-PORTAL-500"),
    /** Tenant files or a stored tenant configuration have problems; every one is listed with file and position. */
    TENANT_FILE_INVALID("OZG-PORTAL-501"),
    /** A tenant's accent colour is too light to read as link text on white (WCAG 2.1 AA, 4.5:1). */
    TENANT_COLOUR_CONTRAST("OZG-PORTAL-502"),
    /** A tenant file or directory cannot be read. */
    TENANT_FILE_UNREADABLE("OZG-PORTAL-503"),
    /** The database failed while reading or writing tenants. */
    TENANT_STORE_FAILED("OZG-PORTAL-504"),
    /** A state-changing request failed the CSRF check (token, Origin or Sec-Fetch-Site). */
    CSRF_REJECTED("OZG-PORTAL-505"),
    /** A setting of the web adapter or host is invalid. */
    WEB_SETTING_INVALID("OZG-PORTAL-506"),
    /** The database failed while reading or writing flow sessions. */
    FLOW_SESSION_STORE_FAILED("OZG-PORTAL-507"),
    /** The embedded host could not start or stop. */
    HOST_START_FAILED("OZG-PORTAL-508");

    private final String code;

    PortalError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.portal.messages";
    }
}
