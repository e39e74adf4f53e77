package de.ozgsdk.xoev.internal.serial;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.util.UUID;

/** Maps {@link UUID} to its lower-case text form ({@code basis:UUID}). */
public final class UuidAdapter extends XmlAdapter<String, UUID> {

    @Override
    public UUID unmarshal(String value) {
        // UUID.fromString accepts short groups ("1-2-3-4-5"); the round trip check keeps only the canonical form.
        UUID uuid = UUID.fromString(value.strip());
        if (!uuid.toString().equalsIgnoreCase(value.strip())) {
            throw new IllegalArgumentException("not a UUID in the form 8-4-4-4-12 hex digits");
        }
        return uuid;
    }

    @Override
    public String marshal(UUID value) {
        return value.toString();
    }
}
