package de.ozgsdk.postbox;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.ErrorCodeCatalogueContract;

/** The error codes of postbox: unique, well-formed, with a German and an English message. */
class PostboxErrorCodesTest extends ErrorCodeCatalogueContract {

    @Override
    protected String rootPackage() {
        return "de.ozgsdk.postbox";
    }

    @Override
    protected ErrorCode knownCode() {
        return PostboxError.ATTACHMENT_TOO_LARGE;
    }
}
