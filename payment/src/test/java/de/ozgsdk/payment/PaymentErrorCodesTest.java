package de.ozgsdk.payment;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.ErrorCodeCatalogueContract;

/** The error codes of payment: unique, well-formed, with a German and an English message. */
class PaymentErrorCodesTest extends ErrorCodeCatalogueContract {

    @Override
    protected String rootPackage() {
        return "de.ozgsdk.payment";
    }

    @Override
    protected ErrorCode knownCode() {
        return PaymentError.PURPOSE_INVALID;
    }
}
