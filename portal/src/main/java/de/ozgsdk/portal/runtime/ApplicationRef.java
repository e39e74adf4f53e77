package de.ozgsdk.portal.runtime;

import de.ozgsdk.core.TenantId;
import de.ozgsdk.persistence.DraftOwner;
import java.util.Objects;
import java.util.UUID;

/**
 * How an adapter names one application: the draft id, which may appear in URLs, and its owner (tenant and
 * pseudonymous owner key), which must come from the adapter's session and never from the request. Only the owner
 * can load the application; another owner gets "not found".
 *
 * @param id    the draft id
 * @param owner the tenant and owner key ({@link ServiceRuntime#citizenOwner}, {@link ServiceRuntime#anonymousOwner})
 */
public record ApplicationRef(UUID id, DraftOwner owner) {

    /** Checks that both parts are present. */
    public ApplicationRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
    }

    /** The tenant of the application. */
    public TenantId tenant() {
        return owner.tenantId();
    }

    /** The draft id and tenant; the owner key stays out of logs. */
    @Override
    public String toString() {
        return "ApplicationRef[" + id + ", tenant=" + owner.tenantId() + "]";
    }
}
