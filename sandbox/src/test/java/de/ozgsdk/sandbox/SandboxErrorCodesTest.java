package de.ozgsdk.sandbox;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.ErrorCodeCatalogueContract;

/** The error codes of the sandbox: unique, well-formed, with a German and an English message. */
class SandboxErrorCodesTest extends ErrorCodeCatalogueContract {

    @Override
    protected String rootPackage() {
        return "de.ozgsdk.sandbox";
    }

    @Override
    protected ErrorCode knownCode() {
        return SandboxError.SYSTEM_ERROR_UNKNOWN;
    }
}
