package de.ozgsdk.core.persistence;

import de.ozgsdk.core.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who owns a draft: the tenant (the municipality's key, later {@code de.ozgsdk.core.TenantId}) and the user's
 * pseudonymous account id from the Servicekonto; only the same owner can load a draft again.
 *
 * @param tenantId 1 to 64 characters of {@code A-Za-z0-9._:-}
 * @param userId the pseudonymous user id, 1 to 255 characters without control characters; never shown in logs
 */
public record DraftOwner(String tenantId, String userId) {

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Validates both ids. */
    public DraftOwner {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        if (!TENANT.matcher(tenantId).matches()) {
            throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "tenantId",
                    "1 to 64 characters of A-Z, a-z, 0-9, . _ : -");
        }
        if (userId.isBlank() || userId.length() > 255 || userId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "userId",
                    "1 to 255 characters, not blank, without control characters");
        }
    }

    /** Shorthand for the constructor. */
    public static DraftOwner of(String tenantId, String userId) {
        return new DraftOwner(tenantId, userId);
    }

    /** Shows the tenant only: the user id stays out of logs. */
    @Override
    public String toString() {
        return "DraftOwner[tenantId=" + tenantId + ", userId=***]";
    }
}
