package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.core.TrustLevel;

/** The German names of the trust levels that {@code <vertrauensniveau>} carries. */
public final class TrustLevels {

    private TrustLevels() {
    }

    public static String toXml(TrustLevel level) {
        return switch (level) {
            case LOW -> "niedrig";
            case SUBSTANTIAL -> "substanziell";
            case HIGH -> "hoch";
        };
    }

    /** Parses one of the three names; anything else fails with core's {@code TRUST_LEVEL_UNKNOWN}. */
    public static TrustLevel fromXml(String text) {
        return TrustLevel.parse(text);
    }
}
