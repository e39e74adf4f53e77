package de.ozgsdk.postbox;

import de.ozgsdk.core.InvalidInputException;
import java.sql.Connection;

/**
 * The citizen's postbox as a service sees it: messages with documents to a citizen, processing states of an
 * application. Implementations ({@link ZbpPostbox} for the BundID postbox over FIT-Connect, {@link PortalPostbox}
 * for a portal's own postbox) hand both to the outbox, so that they arrive exactly once, also across a crash.
 */
public interface Postbox {

    /**
     * Takes the message over for delivery (enqueued in the outbox; a dispatcher sends it) and returns its id, the
     * {@link PostboxMessage#messageId()}. Enqueueing the same message id again adds nothing.
     *
     * @throws InvalidInputException if the message breaks a limit of this postbox
     */
    String send(PostboxMessage message);

    /**
     * As {@link #send(PostboxMessage)}, in the caller's transaction on {@code connection} (a connection to the
     * database of the postbox's outbox): the message is delivered only if the caller commits, e.g. together with the
     * submitted application it confirms.
     *
     * @throws InvalidInputException if the message breaks a limit of this postbox
     */
    String send(Connection connection, PostboxMessage message);

    /**
     * Takes the status update over for delivery and returns its id, the {@link StatusUpdate#updateId()}.
     *
     * @throws InvalidInputException if the update breaks a limit of this postbox
     */
    String status(StatusUpdate update);
}
