package de.ozgsdk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TenantId;
import org.junit.jupiter.api.Test;

class PaymentReferenceTest {

    private static final TenantId TENANT = TenantId.parse("051110000000");

    @Test
    void acceptsDerivedRequestIdAndProviderTransactionId() {
        PaymentReference reference = new PaymentReference(TENANT, "9f86d081884c7d659a2feaa0c55ad015-1",
                "b3c0e6d2-8a4f-4c1e-9d2a-5f6e7a8b9c0d");
        assertThat(reference.tenant()).isEqualTo(TENANT);
    }

    @Test
    void refusesRequestIdLongerThanThirtySixCharacters() {
        assertThatThrownBy(() -> new PaymentReference(TENANT, "x".repeat(37), "t-1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1 to 36 characters");
    }

    @Test
    void refusesTransactionIdThatWouldChangeTheStatusUrl() {
        assertThatThrownBy(() -> new PaymentReference(TENANT, "r-1", "../other"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code())
                        .isEqualTo(PaymentError.REFERENCE_INVALID));
    }
}
