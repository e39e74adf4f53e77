package de.ozgsdk.portal;

import de.ozgsdk.core.ErrorCode;

/**
 * Error codes of the portal module: {@code OZG-PORTAL-1xx} service definitions and packages, {@code 2xx} portal
 * profiles and the compatibility check, {@code 3xx} the runtime, {@code 4xx} receipt and findability, {@code 5xx}
 * web adapter, host and tenants, {@code 7xx} abuse protection.
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
    /** A service package cannot be loaded: it has one or more problems, each with its file and position. */
    PACKAGE_INVALID("OZG-PORTAL-110"),
    /** A service package (directory or {@code .ozg} zip) cannot be read at all. */
    PACKAGE_UNREADABLE("OZG-PORTAL-111"),
    /** An entry of a service package is unsafe: a path leaving the package, an absolute path, a symlink out of it. */
    PACKAGE_ENTRY_UNSAFE("OZG-PORTAL-112"),
    /** A service package exceeds a limit: number of entries, size of a file, total size (zip bombs). */
    PACKAGE_TOO_LARGE("OZG-PORTAL-113"),
    /** A service package has no descriptor {@code service.json} at its root. */
    DESCRIPTOR_MISSING("OZG-PORTAL-114"),
    /** The descriptor of a service package is not well-formed JSON. */
    DESCRIPTOR_MALFORMED("OZG-PORTAL-115"),
    /** The descriptor of a service package violates its JSON Schema (unknown property, wrong type or value). */
    DESCRIPTOR_SCHEMA_VIOLATION("OZG-PORTAL-116"),
    /** A file or directory the descriptor names is not in the package. */
    PACKAGE_FILE_MISSING("OZG-PORTAL-117"),
    /** A file of the package cannot be used (code list, rules, translations, template). */
    PACKAGE_FILE_INVALID("OZG-PORTAL-118"),
    /** A service package needs a higher runtime API level than this SDK offers. */
    PACKAGE_API_LEVEL_TOO_HIGH("OZG-PORTAL-119"),
    /** The file name of a {@code .ozg} package does not name the id and version of its descriptor. */
    PACKAGE_NAME_MISMATCH("OZG-PORTAL-120"),
    /** The form of a service package references a code list the package does not contain. */
    PACKAGE_CODE_LIST_UNKNOWN("OZG-PORTAL-121"),
    /** A service package cannot be written (packing a directory into a {@code .ozg} file). */
    PACKAGE_WRITE_FAILED("OZG-PORTAL-122"),
    /** A portal profile file is malformed or violates its JSON Schema, or a profile built in Java is incomplete. */
    PROFILE_INVALID("OZG-PORTAL-200"),
    /** A portal profile is neither a shipped one ({@code central}, {@code legacy}) nor a readable file. */
    PROFILE_UNKNOWN("OZG-PORTAL-201"),
    /** Blocker: the service needs a higher trust level than any login provider of the portal reaches. */
    COMPAT_TRUST_LEVEL("OZG-PORTAL-210"),
    /** Blocker: the service charges a fee, but the portal has no payment provider. */
    COMPAT_PAYMENT("OZG-PORTAL-211"),
    /** Blocker: the portal offers none of the back-office channel kinds the service accepts. */
    COMPAT_CHANNEL("OZG-PORTAL-212"),
    /** Blocker: the portal cannot import the XDatenfelder version of the service's form. */
    COMPAT_XDF_VERSION("OZG-PORTAL-213"),
    /** Blocker: the service needs a higher runtime API level than the portal's runtime has. */
    COMPAT_API_LEVEL("OZG-PORTAL-214"),
    /** Blocker: the portal does not offer German, the language every service is offered in. */
    COMPAT_GERMAN("OZG-PORTAL-215"),
    /** Degradation: the portal has no postbox; the receipt is only a download, there is no postbox message. */
    COMPAT_NO_POSTBOX("OZG-PORTAL-230"),
    /** Degradation: languages of the service that the portal does not offer. */
    COMPAT_LANGUAGES("OZG-PORTAL-231"),
    /** Degradation: a prefill attribute that no login provider of the portal delivers; the citizen types it in. */
    COMPAT_PREFILL_ATTRIBUTE("OZG-PORTAL-232"),
    /** Degradation: some login providers of the portal do not reach the service's trust level. */
    COMPAT_WEAK_LOGINS("OZG-PORTAL-233"),
    /** Degradation: back-office channel kinds of the service that the portal does not offer. */
    COMPAT_CHANNELS_PARTIAL("OZG-PORTAL-234"),
    /** The service cannot run on the portal: the compatibility check found blockers. */
    COMPAT_CHECK_FAILED("OZG-PORTAL-240"),
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
    WEB_SESSION_MISSING("OZG-PORTAL-524"),
    /** The retention of personal data after delivery is configured outside its limits. */
    RETENTION_POLICY_INVALID("OZG-PORTAL-850"),
    /** Personal data of an application could not be erased (database failure); the next run tries again. */
    RETENTION_ERASE_FAILED("OZG-PORTAL-851"),
    /** A personal data holder failed to erase an application's data; the deletion was rolled back. */
    RETENTION_HOLDER_FAILED("OZG-PORTAL-852"),
    /** Too many requests of one kind from one client address or for one tenant; the page says when to try again. */
    ABUSE_RATE_LIMITED("OZG-PORTAL-700"),
    /** A form did not pass the bot checks (honeypot, fill time); deliberately says no more than that. */
    ABUSE_FORM_CHECK_FAILED("OZG-PORTAL-701"),
    /** The answer to a proof-of-work challenge or a waiting token is invalid, expired, used or too early. */
    ABUSE_CHALLENGE_FAILED("OZG-PORTAL-702"),
    /** A setting of the abuse protection is invalid (limit, key, trusted proxy, complexity). */
    ABUSE_SETTING_INVALID("OZG-PORTAL-703"),
    /** The database failed while reading or writing rate-limit buckets or used challenges. */
    ABUSE_STORE_FAILED("OZG-PORTAL-704"),
    /** The citizen asked to extend a session whose trust level does not permit it (or whose end is its deadline). */
    TIMEOUT_EXTENSION_NOT_PERMITTED("OZG-PORTAL-800"),
    /** Input kept after a session ended cannot be opened: altered, another tenant's, or sealed with another key. */
    TIMEOUT_PARKED_INPUT_UNREADABLE("OZG-PORTAL-801"),
    /** Input kept after a session ended belongs to an application the new login does not own, or is gone. */
    TIMEOUT_PARKED_INPUT_FOREIGN("OZG-PORTAL-802"),
    /** An uploaded document is empty. */
    UPLOAD_EMPTY("OZG-PORTAL-600"),
    /** An uploaded document is larger than the field or the portal allows. */
    UPLOAD_TOO_LARGE("OZG-PORTAL-601"),
    /** An uploaded document's content is of a type the field does not allow. */
    UPLOAD_TYPE_NOT_ALLOWED("OZG-PORTAL-602"),
    /** An uploaded document's file name extension does not fit its content. */
    UPLOAD_EXTENSION_MISMATCH("OZG-PORTAL-603"),
    /** An uploaded PDF is encrypted (password protected), so neither scanner nor case worker can read it. */
    UPLOAD_PDF_ENCRYPTED("OZG-PORTAL-604"),
    /** An uploaded PDF is damaged. */
    UPLOAD_PDF_MALFORMED("OZG-PORTAL-605"),
    /** The virus scanner found malware in an uploaded document. */
    UPLOAD_INFECTED("OZG-PORTAL-606"),
    /** The virus scanner could not be reached; the document was not accepted (fail closed). */
    UPLOAD_SCANNER_UNAVAILABLE("OZG-PORTAL-607"),
    /** A file field holds as many documents as allowed. */
    UPLOAD_TOO_MANY_IN_FIELD("OZG-PORTAL-608"),
    /** An application holds as many documents as allowed. */
    UPLOAD_TOO_MANY_IN_APPLICATION("OZG-PORTAL-609"),
    /** The documents of an application would together exceed the allowed size. */
    UPLOAD_APPLICATION_TOO_LARGE("OZG-PORTAL-610"),
    /** The named document does not exist in this application (or belongs to someone else). */
    UPLOAD_NOT_FOUND("OZG-PORTAL-611"),
    /** The upload table could not be read or written. */
    UPLOAD_STORE_FAILED("OZG-PORTAL-612"),
    /** The multipart request body is malformed or exceeds the limits of its text parts. */
    UPLOAD_MULTIPART_MALFORMED("OZG-PORTAL-613"),
    /** A PDF is larger than the portal checks. */
    UPLOAD_PDF_TOO_LARGE_TO_CHECK("OZG-PORTAL-614"),
    /** The upload limits are misconfigured. */
    UPLOAD_CONFIGURATION_INVALID("OZG-PORTAL-615"),
    /** An application cannot be submitted while one of its documents is not scanned or was found infected. */
    UPLOAD_NOT_SCANNED("OZG-PORTAL-616"),
    /** A setting of the clamd client is invalid (builder of {@code ClamdScanner}). */
    SCAN_CONFIG_INVALID("OZG-PORTAL-650"),
    /** clamd cannot be reached: nothing listens at the address, the connection was refused or not made in time. */
    SCAN_UNREACHABLE("OZG-PORTAL-651"),
    /** clamd neither took the document's bytes nor answered within the read timeout. */
    SCAN_TIMEOUT("OZG-PORTAL-652"),
    /** The document is larger than the client's stream limit; it was not sent on (clamd would cut it). */
    SCAN_TOO_LARGE("OZG-PORTAL-653"),
    /** clamd refused the document with its own {@code StreamMaxLength}, smaller than the client's limit. */
    SCAN_CLAMD_SIZE_LIMIT("OZG-PORTAL-654"),
    /** clamd closed the connection before it gave a verdict. */
    SCAN_CONNECTION_LOST("OZG-PORTAL-655"),
    /** The answer is not a clamd verdict (garbled, too long, or a verdict before the whole document was sent). */
    SCAN_REPLY_INVALID("OZG-PORTAL-656"),
    /** clamd answered with an error instead of a verdict. */
    SCAN_CLAMD_ERROR("OZG-PORTAL-657");

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
