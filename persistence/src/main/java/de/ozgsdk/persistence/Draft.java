package de.ozgsdk.persistence;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved, not yet submitted application of one owner: its opened (decrypted) payload and the version to pass to
 * {@link DraftStore#update} for optimistic locking.
 */
public final class Draft {

    private final UUID id;
    private final DraftOwner owner;
    private final String serviceId;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant expiresAt;
    private final byte[] payload;

    Draft(UUID id, DraftOwner owner, String serviceId, long version, Instant createdAt, Instant updatedAt,
            Instant expiresAt, byte[] payload) {
        this.id = Objects.requireNonNull(id);
        this.owner = Objects.requireNonNull(owner);
        this.serviceId = Objects.requireNonNull(serviceId);
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.payload = payload.clone();
    }

    public UUID id() {
        return id;
    }

    public DraftOwner owner() {
        return owner;
    }

    /** The id of the online service the draft belongs to. */
    public String serviceId() {
        return serviceId;
    }

    /** Starts at 1 and grows by one with each update. */
    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** When the draft will be purged unless it is updated before. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** A copy of the payload as the caller saved it. */
    public byte[] payload() {
        return payload.clone();
    }

    /** Ids and times only, never the payload. */
    @Override
    public String toString() {
        return "Draft[id=" + id + ", tenantId=" + owner.tenantId() + ", serviceId=" + serviceId + ", version="
                + version + ", expiresAt=" + expiresAt + "]";
    }
}
