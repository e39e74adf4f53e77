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
    /** The tenant is unknown, does not offer the service, or the runtime does not run it. */
    RUNTIME_SERVICE_NOT_OFFERED("OZG-PORTAL-300"),
    /** The application does not exist, has expired or belongs to someone else (indistinguishable). */
    RUNTIME_APPLICATION_NOT_FOUND("OZG-PORTAL-301"),
    /** The application was changed since the page was shown (another tab or node): reload it. */
    RUNTIME_APPLICATION_CHANGED("OZG-PORTAL-302"),
    /** The action does not fit the application's stage (e.g. submit before review, a step not reached yet). */
    RUNTIME_STAGE_INVALID("OZG-PORTAL-303"),
    /** The login does not reach the trust level the service requires. */
    RUNTIME_TRUST_LEVEL_TOO_LOW("OZG-PORTAL-304"),
    /** The time-stamp authority could not stamp the application: nothing was submitted, try again. */
    RUNTIME_TIMESTAMP_UNAVAILABLE("OZG-PORTAL-305"),
    /** The fee of the application is not paid yet. */
    RUNTIME_PAYMENT_MISSING("OZG-PORTAL-306"),
    /** The runtime's configuration is incomplete or a service cannot run with it. */
    RUNTIME_CONFIGURATION_INVALID("OZG-PORTAL-307"),
    /** The data of the application are not valid at submit (a step was skipped or the form changed). */
    RUNTIME_DATA_INVALID("OZG-PORTAL-308"),
    /** The stored application cannot be read (a payload of another version or a damaged row). */
    RUNTIME_STORED_STATE_INVALID("OZG-PORTAL-309"),
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
    HOST_START_FAILED("OZG-PORTAL-508"),
    /** The servlet adapter failed unexpectedly; the citizen sees this code, the log the exception's type. */
    WEB_INTERNAL_ERROR("OZG-PORTAL-520"),
    /** The servlet adapter has no page at this address (or not for this tenant). */
    WEB_PAGE_NOT_FOUND("OZG-PORTAL-521"),
    /** The login at the identity provider did not succeed or did not belong to this browser session. */
    WEB_LOGIN_FAILED("OZG-PORTAL-522"),
    /** No receipt document can be offered (no receipt renderer configured, or not submitted). */
    WEB_RECEIPT_UNAVAILABLE("OZG-PORTAL-523"),
    /** A page needs the citizen's session (an application, a login), which is missing or expired. */
    WEB_SESSION_MISSING("OZG-PORTAL-524");

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
