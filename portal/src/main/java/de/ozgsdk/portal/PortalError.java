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
    /** A part of a receipt's content is missing or invalid (blank text, logo not PNG, colour not #RRGGBB). */
    RECEIPT_CONTENT_INVALID("OZG-PORTAL-400"),
    /** The receipt's fonts are missing from the class path or are not readable TrueType fonts. */
    RECEIPT_FONT_UNUSABLE("OZG-PORTAL-401"),
    /** Writing the receipt PDF failed inside the SDK. */
    RECEIPT_WRITE_FAILED("OZG-PORTAL-402"),
    /** Findability markup or XZuFi export asked for a service the tenant does not offer. */
    FINDABILITY_SERVICE_NOT_OFFERED("OZG-PORTAL-410"),
    /** The link to an online service is not an absolute http(s) URL. */
    FINDABILITY_LINK_INVALID("OZG-PORTAL-411"),
    /** A tenant offers a service that is missing from the services given to the XZuFi export. */
    XZUFI_SERVICE_MISSING("OZG-PORTAL-412"),
    /** Writing the XZuFi export failed (the output stream or the XML writer). */
    XZUFI_WRITE_FAILED("OZG-PORTAL-413"),
    /** A setting of the XZuFi export is missing or invalid (builder). */
    XZUFI_CONFIG_INVALID("OZG-PORTAL-414"),
    /** A tenant definition is missing a part or has an invalid one. */
    TENANT_DEFINITION_INVALID("OZG-PORTAL-500");

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
