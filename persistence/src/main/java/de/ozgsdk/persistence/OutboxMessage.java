package de.ozgsdk.persistence;

import de.ozgsdk.core.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A message to put into the {@link Outbox}: an idempotency key that identifies it for good (also at the receiver), the
 * destination (which channel delivers it) and the payload bytes.
 */
public final class OutboxMessage {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

    private final String idempotencyKey;
    private final String destination;
    private final byte[] payload;

    private OutboxMessage(String idempotencyKey, String destination, byte[] payload) {
        this.idempotencyKey = idempotencyKey;
        this.destination = destination;
        this.payload = payload.clone();
    }

    /**
     * Creates a message; {@code idempotencyKey} and {@code destination} have 1 to 200 characters of
     * {@code A-Za-z0-9._:/-} and must not contain personal data (they appear in logs).
     */
    public static OutboxMessage of(String idempotencyKey, String destination, byte[] payload) {
        validate("idempotencyKey", idempotencyKey);
        validate("destination", destination);
        Objects.requireNonNull(payload, "payload");
        return new OutboxMessage(idempotencyKey, destination, payload);
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String destination() {
        return destination;
    }

    /** A copy of the payload. */
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public String toString() {
        return "OutboxMessage[idempotencyKey=" + idempotencyKey + ", destination=" + destination + "]";
    }

    static void validate(String name, String value) {
        Objects.requireNonNull(value, name);
        if (!TOKEN.matcher(value).matches()) {
            throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, name,
                    "1 to 200 characters of A-Z, a-z, 0-9, . _ : / -");
        }
    }
}
