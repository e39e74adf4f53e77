package de.ozgsdk.sandbox.fitconnect;

import java.util.Objects;

/**
 * An area ({@code Gebiet}) of the routing service mock: found by name through {@code /areas}, routed by its id through
 * {@code /routes?areaId=}.
 *
 * @param id the area id (digits)
 * @param name e.g. {@code Halle (Saale)}
 * @param type e.g. {@code Kreisfreie Stadt}
 * @param ars the Amtlicher Regionalschlüssel (or its leading digits) the area stands for
 */
public record SandboxArea(String id, String name, String type, String ars) {

    /** Checks the id (digits) and the ARS (2 to 12 digits). */
    public SandboxArea {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!id.matches("\\d+")) {
            throw SandboxDestination.refused("area id", id, "digits");
        }
        if (!ars.matches("\\d{2,12}")) {
            throw SandboxDestination.refused("area ars", ars, "2 to 12 digits");
        }
    }
}
