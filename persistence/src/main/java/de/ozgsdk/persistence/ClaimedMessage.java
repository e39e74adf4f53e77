package de.ozgsdk.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox message leased to one worker for delivery; only the holder of its {@link #leaseToken()} may mark it
 * delivered or failed.
 */
public final class ClaimedMessage {

    private final UUID id;
    private final String idempotencyKey;
    private final String destination;
    private final byte[] payload;
    private final int attempt;
    private final String leaseToken;
    private final Instant leaseUntil;

    ClaimedMessage(UUID id, String idempotencyKey, String destination, byte[] payload, int attempt, String leaseToken,
            Instant leaseUntil) {
        this.id = id;
        this.idempotencyKey = idempotencyKey;
        this.destination = destination;
        this.payload = payload.clone();
        this.attempt = attempt;
        this.leaseToken = leaseToken;
        this.leaseUntil = leaseUntil;
    }

    public UUID id() {
        return id;
    }

    /** The key to send along, so that the receiver can drop a repeated delivery. */
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

    /** Which attempt this is, starting at 1. */
    public int attempt() {
        return attempt;
    }

    /** Proves the lease when marking the message; opaque. */
    public String leaseToken() {
        return leaseToken;
    }

    /** When the lease runs out and another worker may claim the message again. */
    public Instant leaseUntil() {
        return leaseUntil;
    }

    @Override
    public String toString() {
        return "ClaimedMessage[id=" + id + ", idempotencyKey=" + idempotencyKey + ", destination=" + destination
                + ", attempt=" + attempt + "]";
    }
}
