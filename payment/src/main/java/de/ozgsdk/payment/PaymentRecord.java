package de.ozgsdk.payment;

import de.ozgsdk.core.Money;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One payment attempt as the portal has recorded it (table {@code ozg_payment}): ids, amount, state and what the
 * payment service reported; never personal data.
 *
 * @param requestId our id of the payment request
 * @param tenantId the tenant
 * @param applicationId the application the fee belongs to
 * @param attempt the attempt of paying this application, from 1
 * @param provider the provider's {@link PaymentProvider#name()}
 * @param state the state
 * @param amount the total
 * @param returnUrl where the pay page sends the browser back
 * @param transactionId the payment service's transaction id, once it answered
 * @param payPage the pay page, once the payment service answered
 * @param transactionReference e.g. the Kassenzeichen, once reported
 * @param paymentMethod the method the citizen chose, once reported
 * @param createdAt when the record was written
 * @param updatedAt when its state last changed
 */
public record PaymentRecord(String requestId, String tenantId, String applicationId, int attempt, String provider,
        PaymentState state, Money amount, URI returnUrl, Optional<String> transactionId, Optional<URI> payPage,
        Optional<String> transactionReference, Optional<String> paymentMethod, Instant createdAt, Instant updatedAt) {

    /** Checks that no part is missing. */
    public PaymentRecord {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(payPage, "payPage");
        Objects.requireNonNull(transactionReference, "transactionReference");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
    }
}
