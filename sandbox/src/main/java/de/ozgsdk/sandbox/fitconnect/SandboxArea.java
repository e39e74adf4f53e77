package de.ozgsdk.sandbox.fitconnect;

import java.util.Objects;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.sandbox.SandboxError;

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
            throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "area id", id, "digits");
        }
        if (!ars.matches("\\d{2,12}")) {
            throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "area ars", ars, "2 to 12 digits");
        }
    }
}
