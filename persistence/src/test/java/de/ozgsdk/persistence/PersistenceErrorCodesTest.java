package de.ozgsdk.persistence;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.ErrorCodeCatalogueContract;

/** The error codes of persistence: unique, well-formed, with a German and an English message. */
class PersistenceErrorCodesTest extends ErrorCodeCatalogueContract {

    @Override
    protected String rootPackage() {
        return "de.ozgsdk.persistence";
    }

    @Override
    protected ErrorCode knownCode() {
        return PersistenceError.DRAFT_NOT_FOUND;
    }
}
