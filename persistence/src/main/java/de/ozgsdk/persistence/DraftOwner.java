package de.ozgsdk.persistence;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TenantId;
import java.util.Objects;

/**
 * Who owns a draft: the tenant (on the central portal the municipality's ARS) and the user's pseudonymous account id
 * from the Servicekonto; only the same owner can load a draft again.
 *
 * @param tenantId the tenant
 * @param userId the pseudonymous user id, 1 to 255 characters without control characters; never shown in logs
 */
public record DraftOwner(TenantId tenantId, String userId) {

    /** Validates both ids. */
    public DraftOwner {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank() || userId.length() > 255 || userId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "userId",
                    "1 to 255 characters, not blank, without control characters");
        }
    }

    /** Shorthand for the constructor. */
    public static DraftOwner of(TenantId tenantId, String userId) {
        return new DraftOwner(tenantId, userId);
    }

    /** The owner with a tenant id given as text, parsed by {@link TenantId#parse(String)}. */
    public static DraftOwner of(String tenantId, String userId) {
        return new DraftOwner(TenantId.parse(tenantId), userId);
    }

    /** Shows the tenant only: the user id stays out of logs. */
    @Override
    public String toString() {
        return "DraftOwner[tenantId=" + tenantId + ", userId=***]";
    }
}
