package de.ozgsdk.portal.receipt;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.Money;
import de.ozgsdk.portal.PortalError;
import java.util.Objects;

/**
 * The payment of the fee as the receipt shows it.
 *
 * @param amount the amount paid
 * @param reference the payment reference the cash office books it under (Kassenzeichen)
 * @param provider the payment service, e.g. "ePayBL" or "GiroCheckout"
 */
public record ReceiptPayment(Money amount, String reference, String provider) {

    public ReceiptPayment {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(provider, "provider");
        if (reference.isBlank() || provider.isBlank()) {
            throw new InvalidInputException(PortalError.RECEIPT_CONTENT_INVALID, "payment",
                    "the Kassenzeichen (reference) and the payment provider must not be blank");
        }
    }
}
