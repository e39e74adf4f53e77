package de.ozgsdk.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the payment service reports about one payment when asked by status query.
 *
 * @param reference the payment
 * @param outcome paid, failed, cancelled or still pending
 * @param transactionReference the payment service's reference the cashier's office finds the payment by (e.g. the
 *     Kassenzeichen), if it reported one
 * @param paymentMethod the method the citizen chose (e.g. {@code GIROPAY}, {@code CREDITCARD}), once known
 * @param reportedAt when the payment service last changed the transaction, if it said so
 */
public record PaymentResult(PaymentReference reference, Outcome outcome, Optional<String> transactionReference,
        Optional<String> paymentMethod, Optional<Instant> reportedAt) {

    /** The outcome of a payment as the portal acts on it. */
    public enum Outcome {
        /** Paid: the application may be submitted. */
        PAID,
        /** The payment failed; the citizen may try again with a new payment. */
        FAILED,
        /** The citizen cancelled on the pay page. */
        CANCELLED,
        /** Not settled yet (still open at the payment service); ask again later or let the reconciliation do it. */
        PENDING
    }

    /** Checks that no part is missing. */
    public PaymentResult {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(transactionReference, "transactionReference");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }

    /** Whether the fee is paid. */
    public boolean isPaid() {
        return outcome == Outcome.PAID;
    }

    /** The state a payment moves to with this result; {@code REDIRECTED} while pending. */
    public PaymentState state() {
        return switch (outcome) {
            case PAID -> PaymentState.PAID;
            case FAILED -> PaymentState.FAILED;
            case CANCELLED -> PaymentState.CANCELLED;
            case PENDING -> PaymentState.REDIRECTED;
        };
    }
}
