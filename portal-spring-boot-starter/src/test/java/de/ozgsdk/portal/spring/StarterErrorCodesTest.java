package de.ozgsdk.portal.spring;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.ErrorCodeCatalogueContract;

/** The error codes of the starter: unique, well-formed, with a German and an English message. */
class StarterErrorCodesTest extends ErrorCodeCatalogueContract {

    @Override
    protected String rootPackage() {
        return "de.ozgsdk.portal.spring";
    }

    @Override
    protected ErrorCode knownCode() {
        return StarterError.SETTING_MISSING;
    }
}
