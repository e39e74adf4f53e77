package de.ozgsdk.transfer;

import de.ozgsdk.core.RemoteSystemException;

/**
 * A way to hand an application over to a back-office system (Fachverfahren): HTTPS with mutual TLS
 * ({@link HttpsChannel}), a directory that the Fachverfahren imports from ({@link FileDropChannel}), or one of your own.
 *
 * <p>Channels are not called directly in production: the portal enqueues each application in the outbox
 * ({@link OutgoingApplication#toOutboxMessage}) and a {@link ChannelRouter} hands the claimed entries to the channel of
 * their destination, so that a failure is retried and nothing accepted is lost.
 *
 * <p>The contract of an implementation:
 * <ul>
 *   <li>Send the {@link OutgoingApplication#submissionId() submission id} along as the idempotency key, so that the
 *       receiver recognises a repeat: after a crash between sending and recording the delivery the outbox sends the
 *       same application again, and the receiver must still end up holding it once.</li>
 *   <li>Return a {@link Receipt} only when the receiver has taken the application over; a receiver that reports it
 *       holds it already is a success ({@link Receipt#alreadyDelivered()}).</li>
 *   <li>Otherwise throw a {@link RemoteSystemException} with an error code whose message says what failed and what to
 *       do, classified by {@link RemoteSystemException#retryable()}: retryable failures (receiver down, timeout, broken
 *       connection) are sent again later; permanent ones (side {@link RemoteSystemException.Side#LOCAL}: the receiver
 *       refused this application or our configuration) are dead-lettered at once with the message as the reason.</li>
 *   <li>Be thread-safe, and never put personal data into exceptions or logs (ids only).</li>
 * </ul>
 */
@FunctionalInterface
public interface SubmissionChannel {

    /**
     * Sends {@code application} and returns the receiver's receipt.
     *
     * @throws RemoteSystemException if the receiver did not take the application over; {@code retryable()} says
     *     whether a later attempt may succeed
     */
    Receipt send(OutgoingApplication application);
}
