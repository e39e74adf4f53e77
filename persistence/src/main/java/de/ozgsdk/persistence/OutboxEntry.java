package de.ozgsdk.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The stored state of one outbox message: its delivery status, attempts, schedule and last error. */
public final class OutboxEntry {

    private final UUID id;
    private final String idempotencyKey;
    private final String destination;
    private final byte[] payload;
    private final OutboxStatus status;
    private final int attempts;
    private final Instant nextAttemptAt;
    private final String lastError;
    private final Instant createdAt;
    private final Instant deliveredAt;

    OutboxEntry(UUID id, String idempotencyKey, String destination, byte[] payload, OutboxStatus status, int attempts,
            Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt) {
        this.id = id;
        this.idempotencyKey = idempotencyKey;
        this.destination = destination;
        this.payload = payload.clone();
        this.status = status;
        this.attempts = attempts;
        this.nextAttemptAt = nextAttemptAt;
        this.lastError = lastError;
        this.createdAt = createdAt;
        this.deliveredAt = deliveredAt;
    }

    public UUID id() {
        return id;
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

    public OutboxStatus status() {
        return status;
    }

    /** How many times the entry was claimed for delivery. */
    public int attempts() {
        return attempts;
    }

    /** When the entry is due (again) while {@link OutboxStatus#PENDING}. */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** Exception class and message of the last failed attempt. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    @Override
    public String toString() {
        return "OutboxEntry[id=" + id + ", idempotencyKey=" + idempotencyKey + ", destination=" + destination
                + ", status=" + status + ", attempts=" + attempts + "]";
    }
}
