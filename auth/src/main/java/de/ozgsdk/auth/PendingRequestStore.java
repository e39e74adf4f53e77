package de.ozgsdk.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Where providers keep started logins until their answer arrives, and the ids of answers already used, so that an
 * answer is accepted once, for a request this portal made: SAML {@code InResponseTo} and assertion ids, OIDC
 * {@code state}. Implementations must be safe for concurrent use by several portal nodes: {@link #take} and
 * {@link #markUsed} are atomic. {@link JdbcPendingRequestStore} keeps them in the SDK's database (migration V7),
 * {@link InMemoryPendingRequestStore} in one JVM.
 */
public interface PendingRequestStore {

    /**
     * Remembers a started login.
     *
     * @throws de.ozgsdk.core.ConflictException if a request with this id is already pending
     */
    void remember(PendingRequest request);

    /**
     * Removes and returns the pending request {@code id} if it exists and is still open at {@code now}: a second
     * call with the same id finds nothing, so that one answer completes one login.
     */
    Optional<PendingRequest> take(String id, Instant now);

    /**
     * Records that the message {@code messageId} (a SAML assertion or response id, an OIDC token id) was used and
     * must be refused until {@code keepUntil}.
     *
     * @return {@code true} the first time, {@code false} if it was already used (a replay)
     */
    boolean markUsed(String messageId, Instant keepUntil);

    /** Deletes expired requests and used ids whose keep time is over; returns how many rows went. */
    int purgeExpired(Instant now);
}
