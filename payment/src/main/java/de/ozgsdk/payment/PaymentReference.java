package de.ozgsdk.payment;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.payment.internal.Echo;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one payment is known: the tenant whose cashier's office it belongs to (it selects the provider's endpoint or
 * mandant), our {@code requestId} (derived from tenant and application id, see {@link PaymentOrder#requestId()}) and
 * the payment service's {@code transactionId} (for classic ePayBL the Kassenzeichen). The portal keeps it with the
 * draft; it never takes it from a URL parameter.
 *
 * @param tenant the tenant of the payment
 * @param requestId our id of the payment request, 1 to 36 characters {@code [A-Za-z0-9_-]}
 * @param transactionId the payment service's id of the transaction, 1 to 100 characters {@code [A-Za-z0-9._~:-]}
 */
public record PaymentReference(TenantId tenant, String requestId, String transactionId) {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");
    private static final Pattern TRANSACTION_ID = Pattern.compile("[A-Za-z0-9._~:-]{1,100}");

    /** Checks the parts. */
    public PaymentReference {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(transactionId, "transactionId");
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw new InvalidInputException(PaymentError.REFERENCE_INVALID, Echo.of(requestId),
                    "the request id must have 1 to 36 characters of A-Z, a-z, 0-9, _ and -");
        }
        if (!TRANSACTION_ID.matcher(transactionId).matches()) {
            throw new InvalidInputException(PaymentError.REFERENCE_INVALID, Echo.of(transactionId),
                    "the transaction id must have 1 to 100 characters of A-Z, a-z, 0-9, . _ ~ : and -");
        }
    }

    /** Whether {@code text} is a well-formed request id (1 to 36 characters {@code [A-Za-z0-9_-]}). */
    public static boolean isRequestId(String text) {
        return text != null && REQUEST_ID.matcher(text).matches();
    }
}
