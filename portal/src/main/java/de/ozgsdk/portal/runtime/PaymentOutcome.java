package de.ozgsdk.portal.runtime;

import de.ozgsdk.payment.PaymentResult;
import java.util.Objects;

/**
 * The result of the citizen's return from the pay page: the payment's verified outcome (asked from the payment
 * service, never taken from the return URL) and the application as stored now.
 *
 * @param state  the application
 * @param result the payment's outcome; {@link PaymentResult#isPaid()} means submit is possible
 */
public record PaymentOutcome(ApplicationState state, PaymentResult result) {

    /** Checks that both parts are present. */
    public PaymentOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(result, "result");
    }
}
