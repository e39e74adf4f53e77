package de.ozgsdk.auth;

import de.ozgsdk.core.ConflictException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link PendingRequestStore} in this JVM's memory: for tests and a single portal node without a database. Logins
 * started before a restart cannot be completed after it. Thread-safe.
 */
public final class InMemoryPendingRequestStore implements PendingRequestStore {

    private final ConcurrentMap<String, PendingRequest> pending = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> used = new ConcurrentHashMap<>();

    @Override
    public void remember(PendingRequest request) {
        Objects.requireNonNull(request, "request");
        if (pending.putIfAbsent(request.id(), request) != null) {
            throw new ConflictException(AuthError.PENDING_REQUEST_DUPLICATE, request.id());
        }
    }

    @Override
    public Optional<PendingRequest> take(String id, Instant now) {
        PendingRequest request = pending.remove(Objects.requireNonNull(id, "id"));
        return request != null && request.isOpenAt(now) ? Optional.of(request) : Optional.empty();
    }

    @Override
    public boolean markUsed(String messageId, Instant keepUntil) {
        Objects.requireNonNull(keepUntil, "keepUntil");
        return used.putIfAbsent(Objects.requireNonNull(messageId, "messageId"), keepUntil) == null;
    }

    @Override
    public int purgeExpired(Instant now) {
        int before = pending.size() + used.size();
        pending.values().removeIf(request -> !request.isOpenAt(now));
        used.values().removeIf(keepUntil -> !now.isBefore(keepUntil));
        return before - pending.size() - used.size();
    }
}
