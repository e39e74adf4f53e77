package de.ozgsdk.auth;

import de.ozgsdk.core.ErrorCode;

/**
 * Error codes of the auth module: {@code OZG-AUTH-1xx} for SAML and what all providers share, {@code OZG-AUTH-2xx}
 * reserved for OIDC. Every check of an identity provider's answer has its own code, so that a log line says which
 * check refused it.
 */
public enum AuthError implements ErrorCode {
    // ---- configuration (101-109)
    /** A setting of a provider's builder is missing or invalid. */
    CONFIG_INVALID("OZG-AUTH-101"),
    /** A signing or decryption key is unusable (wrong type, too short, does not match its certificate). */
    KEY_UNUSABLE("OZG-AUTH-102"),
    /** IdP metadata cannot be read or lacks what the SP needs (entityID, SSO endpoint, signing certificate). */
    IDP_METADATA_INVALID("OZG-AUTH-103"),
    /** The signature of IdP metadata does not verify with the given trust anchors. */
    IDP_METADATA_SIGNATURE_INVALID("OZG-AUTH-104"),
    /** IdP metadata is past its validUntil. */
    IDP_METADATA_EXPIRED("OZG-AUTH-105"),
    /** A certificate of the configuration expires soon or has expired (a warning: pinned keys stay trusted). */
    CERTIFICATE_EXPIRING("OZG-AUTH-106"),
    /** The pending request store cannot be read or written. */
    PENDING_STORE_FAILED("OZG-AUTH-107"),
    /** A pending request with this id already exists. */
    PENDING_REQUEST_DUPLICATE("OZG-AUTH-108"),
    /** A legacy algorithm (SHA-1 signature, RSA 1.5 key transport) was accepted because the opt-in allows it. */
    LEGACY_ALGORITHM_ACCEPTED("OZG-AUTH-109"),

    // ---- callback and document (110-119)
    /** The callback lacks its parameter, repeats it, or it is not valid base64 / deflate. */
    CALLBACK_INVALID("OZG-AUTH-110"),
    /** The answer is not a well-formed SAML document of the expected kind. */
    RESPONSE_MALFORMED("OZG-AUTH-111"),
    /** The answer contains a DTD (DOCTYPE), which SAML forbids. */
    RESPONSE_DTD_REFUSED("OZG-AUTH-112"),
    /** The relay state is longer than 80 bytes (SAML binding) or otherwise unusable. */
    RELAY_STATE_INVALID("OZG-AUTH-113"),

    // ---- signatures and encryption (120-139)
    /** Neither the response nor the assertion is signed. */
    SIGNATURE_MISSING("OZG-AUTH-120"),
    /** A signature does not verify: the signed content or the signature value was changed. */
    SIGNATURE_INVALID("OZG-AUTH-121"),
    /** A signature was made with a key that is not among the trusted IdP signing keys. */
    SIGNATURE_KEY_UNKNOWN("OZG-AUTH-122"),
    /** A signature or digest algorithm is refused by the algorithm policy (e.g. SHA-1). */
    SIGNATURE_ALGORITHM_REFUSED("OZG-AUTH-123"),
    /** A signature does not reference exactly its parent element by ID (signature wrapping, moved signature). */
    SIGNATURE_REFERENCE_INVALID("OZG-AUTH-124"),
    /** An ID occurs more than once in the document (signature wrapping). */
    DUPLICATE_ID("OZG-AUTH-125"),
    /** The response does not carry exactly one assertion in the expected place (signature wrapping). */
    ASSERTION_COUNT_INVALID("OZG-AUTH-126"),
    /** The profile requires a signed assertion and the assertion is not signed. */
    ASSERTION_NOT_SIGNED("OZG-AUTH-127"),
    /** A key transport or content encryption algorithm is refused by the algorithm policy (e.g. RSA 1.5). */
    ENCRYPTION_ALGORITHM_REFUSED("OZG-AUTH-128"),
    /** The encrypted assertion cannot be decrypted with any configured decryption key. */
    DECRYPTION_FAILED("OZG-AUTH-129"),
    /** The profile requires an encrypted assertion and it arrived in clear text. */
    ASSERTION_NOT_ENCRYPTED("OZG-AUTH-130"),
    /** A signature covers more than its own element or uses a transform that is not allowed. */
    SIGNATURE_TRANSFORM_REFUSED("OZG-AUTH-131"),

    // ---- protocol checks (140-159)
    /** The issuer is not the configured identity provider. */
    ISSUER_MISMATCH("OZG-AUTH-140"),
    /** The response's Destination is not this SP's assertion consumer service URL. */
    DESTINATION_MISMATCH("OZG-AUTH-141"),
    /** The bearer confirmation's Recipient is not this SP's assertion consumer service URL. */
    RECIPIENT_MISMATCH("OZG-AUTH-142"),
    /** InResponseTo names no request that is pending here (unknown, expired or already answered). */
    IN_RESPONSE_TO_UNKNOWN("OZG-AUTH-143"),
    /** The response and its assertion name different requests in InResponseTo. */
    IN_RESPONSE_TO_MISMATCH("OZG-AUTH-144"),
    /** An answer without InResponseTo arrived and unsolicited answers are not enabled. */
    UNSOLICITED_RESPONSE("OZG-AUTH-145"),
    /** The assertion was already used (replay). */
    RESPONSE_REPLAYED("OZG-AUTH-146"),
    /** The assertion is not valid yet (NotBefore in the future beyond the allowed skew). */
    ASSERTION_NOT_YET_VALID("OZG-AUTH-147"),
    /** The assertion or its bearer confirmation has expired (NotOnOrAfter passed beyond the allowed skew). */
    ASSERTION_EXPIRED("OZG-AUTH-148"),
    /** The assertion is not addressed to this SP (AudienceRestriction). */
    AUDIENCE_MISMATCH("OZG-AUTH-149"),
    /** The assertion has no usable bearer subject confirmation. */
    SUBJECT_CONFIRMATION_INVALID("OZG-AUTH-150"),
    /** The assertion lacks a part the profile needs (AuthnStatement, subject, trust level). */
    ASSERTION_INCOMPLETE("OZG-AUTH-151"),

    // ---- outcomes (160-169)
    /** The citizen cancelled the login. */
    LOGIN_CANCELLED("OZG-AUTH-160"),
    /** The login reached a lower trust level than the service requires. */
    TRUST_LEVEL_TOO_LOW("OZG-AUTH-161"),
    /** Attributes the service requires were not delivered. */
    REQUIRED_ATTRIBUTES_MISSING("OZG-AUTH-162"),
    /** The identity provider answered with an error status. */
    IDP_ERROR_STATUS("OZG-AUTH-163"),

    // ---- OIDC (201-299)
    /** The discovery document of the OpenID provider cannot be fetched or read. */
    OIDC_DISCOVERY_FAILED("OZG-AUTH-201"),
    /** The discovery document names another issuer than the configured one (mix-up protection). */
    OIDC_DISCOVERY_ISSUER_MISMATCH("OZG-AUTH-202"),
    /** The JWKS of the OpenID provider cannot be fetched, read, or holds no usable signing key. */
    OIDC_JWKS_FAILED("OZG-AUTH-203"),
    /** The OpenID provider does not offer what the client needs (code flow, PKCE S256, the client authentication). */
    OIDC_PROVIDER_UNSUPPORTED("OZG-AUTH-204"),
    /** The callback lacks a parameter of the authorization response or repeats it. */
    OIDC_CALLBACK_INVALID("OZG-AUTH-205"),
    /** The state of the authorization response names no login pending here (unknown, expired or used). */
    OIDC_STATE_UNKNOWN("OZG-AUTH-206"),
    /** The iss parameter of the authorization response is missing or names another issuer (RFC 9207). */
    OIDC_ISS_PARAMETER_MISMATCH("OZG-AUTH-207"),
    /** The OpenID provider answered the authorization request with an error other than a cancel. */
    OIDC_AUTHORIZATION_ERROR("OZG-AUTH-208"),
    /** The token endpoint is unreachable or failed (5xx, timeout): retryable. */
    OIDC_TOKEN_REQUEST_FAILED("OZG-AUTH-209"),
    /** The token endpoint refused to redeem the authorization code (invalid_grant, invalid_client ...). */
    OIDC_TOKEN_REFUSED("OZG-AUTH-210"),
    /** The token response is no usable JSON with id_token and a Bearer access token. */
    OIDC_TOKEN_RESPONSE_INVALID("OZG-AUTH-211"),
    /** The ID token is no signed JWT (JWS compact serialisation). */
    OIDC_ID_TOKEN_MALFORMED("OZG-AUTH-212"),
    /** The ID token's algorithm is not on the allow-list (never none, never HMAC). */
    OIDC_ALGORITHM_REFUSED("OZG-AUTH-213"),
    /** The ID token was signed with a key that is not in the provider's JWKS, also after fetching it again. */
    OIDC_KEY_UNKNOWN("OZG-AUTH-214"),
    /** The ID token's signature does not verify with the key it names. */
    OIDC_SIGNATURE_INVALID("OZG-AUTH-215"),
    /** The ID token's iss is not the configured issuer. */
    OIDC_ISSUER_MISMATCH("OZG-AUTH-216"),
    /** The ID token's aud does not contain this client. */
    OIDC_AUDIENCE_MISMATCH("OZG-AUTH-217"),
    /** The ID token's azp names another client, or is missing although aud names several. */
    OIDC_AZP_INVALID("OZG-AUTH-218"),
    /** The ID token has expired (exp passed beyond the allowed skew) or has no exp. */
    OIDC_TOKEN_EXPIRED("OZG-AUTH-219"),
    /** The ID token's iat or nbf lies in the future beyond the allowed skew, or iat is missing. */
    OIDC_TOKEN_NOT_YET_VALID("OZG-AUTH-220"),
    /** The ID token's nonce is missing or not the one of this login (replay or injection). */
    OIDC_NONCE_MISMATCH("OZG-AUTH-221"),
    /** The ID token carries no acr, or one the acr mapping cannot map to a trust level. */
    OIDC_ACR_UNKNOWN("OZG-AUTH-222"),
    /** The userinfo endpoint refused the access token or failed. */
    OIDC_USERINFO_FAILED("OZG-AUTH-223"),
    /** The userinfo answer names another subject than the ID token (token substitution). */
    OIDC_USERINFO_SUBJECT_MISMATCH("OZG-AUTH-224"),
    /** The ID token was used before (replay). */
    OIDC_TOKEN_REPLAYED("OZG-AUTH-225"),
    /** The claim configured as subject key is missing or empty. */
    OIDC_SUBJECT_MISSING("OZG-AUTH-226"),
    /** The ID token's at_hash does not match the access token (token substitution). */
    OIDC_AT_HASH_MISMATCH("OZG-AUTH-227");

    private final String code;

    AuthError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.auth.messages";
    }
}
