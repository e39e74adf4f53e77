package de.ozgsdk.portal.receipt;

import de.ozgsdk.core.Money;
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
            throw new IllegalArgumentException("A receipt payment needs the Kassenzeichen (reference) and the payment"
                    + " provider; both must not be blank.");
        }
    }
}
