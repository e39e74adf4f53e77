package de.ozgsdk.core;

import java.util.Objects;

/**
 * A tenant of a portal: one municipality (or other body) with its id, its Amtlicher Regionalschlüssel and its display
 * name.
 *
 * @param id the tenant id
 * @param regionalKey the ARS of the municipality
 * @param name the display name, e.g. "Stadt Köln"
 */
public record Tenant(TenantId id, RegionalKey regionalKey, LocalizedText name) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(regionalKey, "regionalKey");
        Objects.requireNonNull(name, "name");
    }

    /** The tenant of a municipality on the central portal, whose id is its ARS. */
    public static Tenant of(RegionalKey regionalKey, LocalizedText name) {
        return new Tenant(TenantId.of(regionalKey), regionalKey, name);
    }
}
