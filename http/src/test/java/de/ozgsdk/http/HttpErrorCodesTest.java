package de.ozgsdk.http;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.ErrorCodeCatalogueContract;

/** The error codes of http and its time-stamp client: unique, well-formed, with a German and an English message. */
class HttpErrorCodesTest extends ErrorCodeCatalogueContract {

    @Override
    protected String rootPackage() {
        return "de.ozgsdk.http";
    }

    @Override
    protected ErrorCode knownCode() {
        return HttpError.TIMEOUT_INVALID;
    }
}
