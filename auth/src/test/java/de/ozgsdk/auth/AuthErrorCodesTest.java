package de.ozgsdk.auth;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.ErrorCodeCatalogueContract;

/** The error codes of auth: unique, well-formed, with a German and an English message. */
class AuthErrorCodesTest extends ErrorCodeCatalogueContract {

    @Override
    protected String rootPackage() {
        return "de.ozgsdk.auth";
    }

    @Override
    protected ErrorCode knownCode() {
        return AuthError.SIGNATURE_INVALID;
    }
}
