package de.ozgsdk.sandbox.oidc;

import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.oidc.OidcProviderMock.Error;

/**
 * The faults of an OIDC login, as the sandbox's {@link Fault}s for {@code mock.faults().add(...)}, each scoped to the
 * endpoint it breaks; add {@code .once()} for one login. HTTP faults of the shape apply as usual, e.g.
 * {@code Fault.status(503).on("POST", "/token")} or {@code Fault.latency(d).onPath("/jwks")}.
 */
public final class OidcFaults {

    private OidcFaults() {
    }

    /** The citizen cancels at the provider: the authorize step redirects with {@code error=access_denied}. */
    public static Fault cancel() {
        return Fault.systemError(Error.CANCEL).onPath(OidcProviderMock.AUTHORIZE);
    }

    /** The authorize step redirects with an {@code iss} parameter naming another issuer (mix-up, RFC 9207). */
    public static Fault wrongIssParameter() {
        return Fault.systemError(Error.WRONG_ISS_PARAMETER).onPath(OidcProviderMock.AUTHORIZE);
    }

    /** The ID token carries a nonce of another login. */
    public static Fault wrongNonce() {
        return token(Error.WRONG_NONCE);
    }

    /** The ID token is addressed to another client. */
    public static Fault wrongAudience() {
        return token(Error.WRONG_AUDIENCE);
    }

    /** The ID token names another issuer. */
    public static Fault wrongIssuer() {
        return token(Error.WRONG_ISSUER);
    }

    /** The ID token expired half an hour ago. */
    public static Fault expiredToken() {
        return token(Error.EXPIRED_TOKEN);
    }

    /** The ID token was issued an hour in the future. */
    public static Fault tokenFromTheFuture() {
        return token(Error.NOT_YET_VALID);
    }

    /** The ID token is signed by a key the JWKS does not publish (its kid is unknown). */
    public static Fault unknownKid() {
        return token(Error.UNKNOWN_KID);
    }

    /** The ID token is unsigned ({@code alg: none}). */
    public static Fault algNone() {
        return token(Error.ALG_NONE);
    }

    /** The ID token is HS256 with the provider's public RSA key as the HMAC secret (algorithm confusion). */
    public static Fault hmacWithPublicKey() {
        return token(Error.HMAC_WITH_PUBLIC_KEY);
    }

    /** The ID token's signature does not match its content (a claim was changed after signing). */
    public static Fault badSignature() {
        return token(Error.BAD_SIGNATURE);
    }

    /** The ID token's acr is one level below the persona's (at least LOW). */
    public static Fault levelDowngrade() {
        return token(Error.LEVEL_DOWNGRADE);
    }

    /** The ID token's at_hash does not match the access token. */
    public static Fault wrongAtHash() {
        return token(Error.WRONG_AT_HASH);
    }

    /** The userinfo answer names another subject than the ID token. */
    public static Fault userinfoSubjectMismatch() {
        return Fault.systemError(Error.USERINFO_SUBJECT_MISMATCH).onPath(OidcProviderMock.USERINFO);
    }

    private static Fault token(Error error) {
        return Fault.systemError(error).on("POST", OidcProviderMock.TOKEN);
    }
}
