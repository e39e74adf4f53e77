package de.ozgsdk.sandbox.payment;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One payment transaction the {@link XBezahldiensteMock} holds, as a test asserts on it: ids, amount and status,
 * never the requestor's personal data.
 *
 * @param transactionId the mock's id of the transaction
 * @param requestId the online service's {@code requestId}
 * @param originatorId the online service
 * @param endPointId the authority
 * @param grosAmount the amount in euro, exactly as posted
 * @param status {@code INITIAL}, {@code PAYED}, {@code FAILED} or {@code CANCELED}
 * @param paymentMethod the method chosen on the pay page, once paid
 * @param transactionReference the Kassenzeichen the mock assigned
 */
public record SandboxPayment(String transactionId, String requestId, String originatorId, String endPointId,
        BigDecimal grosAmount, String status, Optional<String> paymentMethod, String transactionReference) {
}
