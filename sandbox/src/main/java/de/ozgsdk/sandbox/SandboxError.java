package de.ozgsdk.sandbox;

import de.ozgsdk.core.ErrorCode;

/**
 * Error codes of the sandbox module ({@code OZG-SANDBOX-1xx}: faults and mock settings a test got wrong;
 * {@code OZG-SANDBOX-200..219}: the ZBP mock).
 */
public enum SandboxError implements ErrorCode {
    /** An HTTP status of a fault or an answer lies outside 100..599. */
    STATUS_INVALID("OZG-SANDBOX-101"),
    /** A fault's count is below 1. */
    FAULT_COUNT_INVALID("OZG-SANDBOX-102"),
    /** A fault's delay is negative. */
    FAULT_DELAY_INVALID("OZG-SANDBOX-103"),
    /** A fault's path pattern does not start with {@code /}. */
    FAULT_PATH_INVALID("OZG-SANDBOX-104"),
    /** A mock cannot apply a fault of this kind. */
    FAULT_KIND_NOT_APPLICABLE("OZG-SANDBOX-105"),
    /** A mock knows no system error of this name. */
    SYSTEM_ERROR_UNKNOWN("OZG-SANDBOX-106"),
    /** A fault posted to the admin endpoint is no valid JSON fault. */
    ADMIN_FAULT_INVALID("OZG-SANDBOX-107"),
    /** A numeric setting of a mock's builder is out of range. */
    SETTING_OUT_OF_RANGE("OZG-SANDBOX-110"),
    /** The drop directory of a file-drop mock does not exist. */
    DROP_DIRECTORY_MISSING("OZG-SANDBOX-111"),
    /** The intake path of an HTTPS intake mock is invalid. */
    INTAKE_PATH_INVALID("OZG-SANDBOX-112"),
    /** TLS material was asked of a mock that serves plain http. */
    MOCK_NOT_HTTPS("OZG-SANDBOX-113"),
    /** A mock could not start, e.g. because its fixed port is taken. */
    MOCK_START_FAILED("OZG-SANDBOX-114"),
    /** The credential given as sandbox CA holds no CA certificate. */
    CA_INVALID("OZG-SANDBOX-115"),
    /** The persona file of a combined sandbox is unreadable, no JSON, or an entry is incomplete (with position). */
    PERSONA_FILE_INVALID("OZG-SANDBOX-120"),
    /** The data directory of a combined sandbox cannot be used. */
    DATA_DIRECTORY_UNUSABLE("OZG-SANDBOX-121"),
    /** The persona file of the Servicekonto IdP mock is unreadable or incomplete. */
    IDP_PERSONAS_INVALID("OZG-SANDBOX-130"),
    /** Service provider metadata given to the Servicekonto IdP mock is unusable. */
    IDP_SERVICE_PROVIDER_INVALID("OZG-SANDBOX-131"),
    /** A persona was asked for that the Servicekonto IdP mock does not know. */
    IDP_PERSONA_UNKNOWN("OZG-SANDBOX-132"),
    /** A client registration of the OIDC provider mock is invalid (id, secret, key, redirect URI). */
    OIDC_CLIENT_INVALID("OZG-SANDBOX-141"),
    /** A persona of the OIDC provider mock is invalid (id, subject, level, file shape). */
    OIDC_PERSONA_INVALID("OZG-SANDBOX-142"),
    /** The OIDC provider mock knows no persona of this id. */
    OIDC_PERSONA_UNKNOWN("OZG-SANDBOX-143"),
    /** The OIDC provider mock cannot sign with this algorithm. */
    OIDC_ALGORITHM_UNSUPPORTED("OZG-SANDBOX-144"),

    /** A Mandant or Bewirtschafter number given to the ePayBL mock is empty or has other than letters and digits. */
    EPAYBL_MANDANT_INVALID("OZG-SANDBOX-160"),
    /** A fault or refusal was scoped to an operation the ePayBL mock does not serve. */
    EPAYBL_OPERATION_UNKNOWN("OZG-SANDBOX-161"),
    /** A refusal posted to the ePayBL mock's admin endpoint names no code of {@code EpayblMock.Code}. */
    EPAYBL_CODE_UNKNOWN("OZG-SANDBOX-162"),
    /** The signer given to the time-stamp authority mock has no time-stamping certificate or an unusable key. */
    TSA_SIGNER_INVALID("OZG-SANDBOX-170"),
    /** A policy given to the time-stamp authority mock is no object identifier. */
    TSA_POLICY_INVALID("OZG-SANDBOX-171"),
    /** A required setting of the ZBP mock is missing (delivery service, persona, author). */
    ZBP_SETTING_MISSING("OZG-SANDBOX-200"),
    /** The ZBP mock could not pick up submissions from the delivery service. */
    ZBP_DELIVERY_SERVICE_FAILED("OZG-SANDBOX-201");

    private final String code;

    SandboxError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.sandbox.messages";
    }
}
