package de.ozgsdk.transfer;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.ErrorCodeCatalogueContract;

/** The error codes of transfer: unique, well-formed, with a German and an English message. */
class TransferErrorCodesTest extends ErrorCodeCatalogueContract {

    @Override
    protected String rootPackage() {
        return "de.ozgsdk.transfer";
    }

    @Override
    protected ErrorCode knownCode() {
        return TransferError.HTTPS_REFUSED;
    }
}
