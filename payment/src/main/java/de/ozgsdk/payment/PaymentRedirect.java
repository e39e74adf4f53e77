package de.ozgsdk.payment;

import java.net.URI;
import java.util.Objects;

/**
 * The answer to {@link PaymentProvider#start}: where to send the citizen's browser (the pay page of the payment
 * service) and the reference under which the portal keeps the payment until the browser returns.
 *
 * @param reference how the payment is known; keep it with the draft
 * @param payPage the pay page; answer the browser with a 303 redirect to it
 */
public record PaymentRedirect(PaymentReference reference, URI payPage) {

    /** Checks that both parts are present. */
    public PaymentRedirect {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(payPage, "payPage");
    }
}
