package de.ozgsdk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentStateTest {

    @Test
    void redirectedPaymentSettlesIntoEveryFinalState() {
        assertThat(PaymentState.REDIRECTED.successors()).containsExactlyInAnyOrder(
                PaymentState.PAID, PaymentState.FAILED, PaymentState.CANCELLED, PaymentState.EXPIRED);
    }

    @Test
    void paidPaymentNeverChangesAgain() {
        assertThat(PaymentState.PAID.successors()).isEmpty();
        assertThat(PaymentState.PAID.canMoveTo(PaymentState.FAILED)).isFalse();
    }

    @Test
    void createdPaymentCannotBePaidWithoutRedirect() {
        assertThat(PaymentState.CREATED.canMoveTo(PaymentState.PAID)).isFalse();
    }

    @Test
    void expiredPaymentStillTakesALatePayment() {
        assertThat(PaymentState.EXPIRED.canMoveTo(PaymentState.PAID)).isTrue();
        assertThat(PaymentState.EXPIRED.isFinal()).isTrue();
    }

    @Test
    void onlyCreatedAndRedirectedAreOpen() {
        assertThat(PaymentState.values()).filteredOn(state -> !state.isFinal())
                .containsExactly(PaymentState.CREATED, PaymentState.REDIRECTED);
    }
}
