package de.ozgsdk.persistence;

/** Where an outbox entry stands in its delivery. */
public enum OutboxStatus {
    /** Waiting for its next attempt (due at {@link OutboxEntry#nextAttemptAt()}). */
    PENDING,
    /** Claimed by a worker whose lease has not yet run out. */
    IN_FLIGHT,
    /** Delivered; never sent again. */
    DELIVERED,
    /** Given up after the maximum number of attempts; the last error is kept for operators. */
    DEAD
}
