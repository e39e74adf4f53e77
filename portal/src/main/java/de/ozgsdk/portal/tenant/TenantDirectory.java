package de.ozgsdk.portal.tenant;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.portal.PortalError;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenants a portal serves, looked up by id or Regionalschlüssel. The runtime and the hosts only read through
 * this interface, so that tenants can come from files, the database or the application's own configuration.
 * Implementations are thread-safe.
 */
public interface TenantDirectory {

    /** The tenant with this id. */
    Optional<PortalTenant> find(TenantId id);

    /** Every tenant, ordered by id. */
    List<PortalTenant> all();

    /** The tenant of the municipality with this Regionalschlüssel. */
    default Optional<PortalTenant> findByRegionalKey(RegionalKey key) {
        return all().stream().filter(t -> t.tenant().regionalKey().equals(key)).findFirst();
    }

    /**
     * A fixed directory of the given tenants (a legacy portal has one).
     *
     * @throws InvalidInputException ({@code OZG-PORTAL-500}) if two tenants have the same id
     */
    static TenantDirectory of(PortalTenant... tenants) {
        Map<TenantId, PortalTenant> byId = new LinkedHashMap<>();
        for (PortalTenant tenant : tenants) {
            if (byId.putIfAbsent(tenant.tenant().id(), tenant) != null) {
                throw new InvalidInputException(PortalError.TENANT_DEFINITION_INVALID, tenant.tenant().id(),
                        "the tenant id is given twice");
            }
        }
        List<PortalTenant> sorted = byId.values().stream()
                .sorted(Comparator.comparing(t -> t.tenant().id().toString())).toList();
        return new TenantDirectory() {
            @Override
            public Optional<PortalTenant> find(TenantId id) {
                return Optional.ofNullable(byId.get(id));
            }

            @Override
            public List<PortalTenant> all() {
                return sorted;
            }
        };
    }
}
