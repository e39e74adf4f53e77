package de.ozgsdk.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of one payment as the portal records it: {@code CREATED → REDIRECTED → PAID | FAILED | CANCELLED |
 * EXPIRED}. Only a status query of the payment service moves a payment out of {@code REDIRECTED}, never the browser's
 * return.
 */
public enum PaymentState {
    /** Recorded by the portal; the payment service has not (yet) confirmed the transaction. */
    CREATED,
    /** The payment service created the transaction and the citizen was sent to its pay page. */
    REDIRECTED,
    /** The payment service reports the fee as paid. */
    PAID,
    /** The payment service reports the payment as failed, or refused to create it. */
    FAILED,
    /** The citizen cancelled on the pay page. */
    CANCELLED,
    /** The citizen never finished and the deadline passed; the payment service still reported it open. */
    EXPIRED;

    /**
     * Whether the citizen's attempt is over: a new attempt needs a new payment. {@code EXPIRED} counts as over, but
     * may still become {@code PAID} when the payment service reports a late payment: money that arrived is never
     * ignored.
     */
    public boolean isFinal() {
        return this != CREATED && this != REDIRECTED;
    }

    /** The states this one may move to. */
    public Set<PaymentState> successors() {
        return switch (this) {
            case CREATED -> EnumSet.of(REDIRECTED, FAILED, EXPIRED);
            case REDIRECTED -> EnumSet.of(PAID, FAILED, CANCELLED, EXPIRED);
            case EXPIRED -> EnumSet.of(PAID);
            case PAID, FAILED, CANCELLED -> EnumSet.noneOf(PaymentState.class);
        };
    }

    /** Whether the state machine allows the move from this state to {@code next}. */
    public boolean canMoveTo(PaymentState next) {
        return successors().contains(next);
    }
}
