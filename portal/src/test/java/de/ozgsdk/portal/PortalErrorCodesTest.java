package de.ozgsdk.portal;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.ErrorCodeCatalogueContract;

/** The error codes of portal: unique, well-formed, with a German and an English message. */
class PortalErrorCodesTest extends ErrorCodeCatalogueContract {

    @Override
    protected String rootPackage() {
        return "de.ozgsdk.portal";
    }

    @Override
    protected ErrorCode knownCode() {
        return PortalError.SERVICE_DEFINITION_INVALID;
    }
}
