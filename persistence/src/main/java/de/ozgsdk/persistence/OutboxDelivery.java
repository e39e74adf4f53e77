package de.ozgsdk.persistence;

/**
 * Delivers one claimed outbox message to its destination, for an {@link OutboxDispatcher}; it should send the
 * idempotency key along, since a message may be delivered again after a crash.
 */
@FunctionalInterface
public interface OutboxDelivery {

    /**
     * Delivers the message; returning means delivered, throwing means this attempt failed and is retried later. It
     * must return or throw within the dispatcher's {@code sendTimeout}, so that it ends while the lease holds. The
     * exception's class and message are stored as the last error, so they must not contain personal data.
     */
    void deliver(ClaimedMessage message) throws Exception;

    /**
     * Whether {@code failure}, thrown by {@link #deliver}, means that no later attempt can succeed, so that the
     * dispatcher dead-letters the message at once ({@link Outbox#markDead}) instead of retrying it. Default: no
     * failure is permanent, every one is retried until the outbox's maximum attempts.
     */
    default boolean isPermanent(Exception failure) {
        return false;
    }
}
