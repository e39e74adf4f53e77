package de.ozgsdk.http;

import de.ozgsdk.core.InvalidInputException;
import java.util.Objects;
import java.util.UUID;
import okhttp3.Request;

/**
 * Marks a request as safe to send more than once: the receiver recognises repeats by the {@code Idempotency-Key}
 * header, so the SDK's HTTP clients retry even a {@code POST} that carries one.
 *
 * <pre>{@code
 * Request request = IdempotencyKey.of(submissionId)
 *         .applyTo(new Request.Builder().url(intakeUrl).post(body))
 *         .build();
 * }</pre>
 *
 * <p>Use one key per logical operation (such as one outbox entry) and the same key for every resend of it.
 */
public final class IdempotencyKey {

    /** Name of the HTTP header that carries the key. */
    public static final String HEADER = "Idempotency-Key";

    private static final int MAX_LENGTH = 255;

    private final String value;

    private IdempotencyKey(String value) {
        this.value = value;
    }

    /**
     * The key {@code value}.
     *
     * @throws InvalidInputException if it is blank, longer than 255 characters, or has characters other than visible
     *     ASCII
     */
    public static IdempotencyKey of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidInputException(HttpError.IDEMPOTENCY_KEY_INVALID, "length " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new InvalidInputException(HttpError.IDEMPOTENCY_KEY_INVALID, "character at position " + i);
            }
        }
        return new IdempotencyKey(value);
    }

    /** A new random key (a UUID). */
    public static IdempotencyKey random() {
        return new IdempotencyKey(UUID.randomUUID().toString());
    }

    /** The key as sent in the header. */
    public String value() {
        return value;
    }

    /** Sets the {@code Idempotency-Key} header and tags the request with this key; returns {@code builder}. */
    public Request.Builder applyTo(Request.Builder builder) {
        return builder.header(HEADER, value).tag(IdempotencyKey.class, this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdempotencyKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
