package de.ozgsdk.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * How well the identity provider vouches for one attribute value: BundID's {@code akdb:TrustLevel} on each
 * {@code saml2:Attribute} (values seen on the wire: UNTERGEORDNET, NORMAL, SUBSTANTIELL, HOCH; the interface
 * description's table also names Basisregistrierung, Niedrig, Substantiell, Hoch).
 */
public enum AttributeTrust {
    /** Untergeordnet / Basisregistrierung: self-declared, not checked. */
    SUBORDINATE,
    /** Normal / Niedrig: checked at a low level (e.g. a confirmed e-mail address). */
    NORMAL,
    /** Substantiell: from an ELSTER certificate or comparable. */
    SUBSTANTIAL,
    /** Hoch: read from the online ID card. */
    HIGH;

    /** The level named by {@code text} (case-insensitive), empty for a value we do not know. */
    public static Optional<AttributeTrust> parse(String text) {
        switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "UNTERGEORDNET":
            case "BASISREGISTRIERUNG":
                return Optional.of(SUBORDINATE);
            case "NORMAL":
            case "NIEDRIG":
                return Optional.of(NORMAL);
            case "SUBSTANTIELL":
            case "SUBSTANZIELL":
                return Optional.of(SUBSTANTIAL);
            case "HOCH":
                return Optional.of(HIGH);
            default:
                return Optional.empty();
        }
    }

    /** The value as BundID writes it into {@code akdb:TrustLevel}. */
    public String akdbName() {
        switch (this) {
            case SUBORDINATE:
                return "UNTERGEORDNET";
            case SUBSTANTIAL:
                return "SUBSTANTIELL";
            case HIGH:
                return "HOCH";
            default:
                return "NORMAL";
        }
    }
}
