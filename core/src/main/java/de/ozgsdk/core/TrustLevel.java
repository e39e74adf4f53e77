package de.ozgsdk.core;

import java.util.Locale;
import java.util.Objects;

/**
 * The level of assurance of a login (Vertrauensniveau) after eIDAS: {@code LOW < SUBSTANTIAL < HIGH}. A service
 * states the level it needs; a Servicekonto reports the level of the login as an eIDAS LoA URI or, as BundID does,
 * as {@code STORK-QAA-Level-1..4}.
 *
 * <pre>{@code
 * TrustLevel login = TrustLevel.parse("STORK-QAA-Level-4"); // HIGH (online ID card)
 * boolean enough = login.isAtLeast(TrustLevel.SUBSTANTIAL);   // true
 * }</pre>
 */
public enum TrustLevel {
    /** Niedrig: user name and password (STORK-QAA-Level-1 and -2). */
    LOW("http://eidas.europa.eu/LoA/low", 1),
    /** Substanziell: e.g. ELSTER certificate (STORK-QAA-Level-3). */
    SUBSTANTIAL("http://eidas.europa.eu/LoA/substantial", 3),
    /** Hoch: online ID function of the Personalausweis or eID card (STORK-QAA-Level-4). */
    HIGH("http://eidas.europa.eu/LoA/high", 4);

    private static final String STORK_PREFIX = "stork-qaa-level-";
    private static final String EIDAS_PREFIX = "http://eidas.europa.eu/";

    private final String eidasUri;
    private final int storkLevel;

    TrustLevel(String eidasUri, int storkLevel) {
        this.eidasUri = eidasUri;
        this.storkLevel = storkLevel;
    }

    /**
     * Parses an eIDAS LoA URI ({@code http://eidas.europa.eu/LoA/substantial}, also the {@code NotNotified/LoA}
     * variant), a STORK QAA level ({@code STORK-QAA-Level-1} to {@code -4}) or a level name
     * ({@code low}/{@code niedrig}, {@code substantial}/{@code substanziell}, {@code high}/{@code hoch}).
     */
    public static TrustLevel parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith(STORK_PREFIX)) {
            return fromStork(value.substring(STORK_PREFIX.length()), text);
        }
        if (value.startsWith(EIDAS_PREFIX)) {
            String rest = value.substring(EIDAS_PREFIX.length());
            if (rest.startsWith("loa/") || rest.startsWith("notnotified/loa/")) {
                return byName(rest.substring(rest.lastIndexOf('/') + 1), text);
            }
        }
        return byName(value, text);
    }

    private static TrustLevel fromStork(String digit, String original) {
        switch (digit) {
            case "1":
            case "2":
                return LOW;
            case "3":
                return SUBSTANTIAL;
            case "4":
                return HIGH;
            default:
                throw unknown(original);
        }
    }

    private static TrustLevel byName(String name, String original) {
        switch (name) {
            case "low":
            case "niedrig":
                return LOW;
            case "substantial":
            case "substanziell":
                return SUBSTANTIAL;
            case "high":
            case "hoch":
                return HIGH;
            default:
                throw unknown(original);
        }
    }

    private static InvalidInputException unknown(String original) {
        return new InvalidInputException(CoreError.TRUST_LEVEL_UNKNOWN, Values.quoteForMessage(original));
    }

    /** Whether a login at this level may use a service that requires {@code required}. */
    public boolean isAtLeast(TrustLevel required) {
        return compareTo(required) >= 0;
    }

    /** The eIDAS LoA URI, e.g. {@code http://eidas.europa.eu/LoA/high}. */
    public String eidasUri() {
        return eidasUri;
    }

    /** The STORK QAA name that BundID expects in a {@code RequestedAuthnContext}, e.g. {@code STORK-QAA-Level-3}. */
    public String storkQaaLevel() {
        return "STORK-QAA-Level-" + storkLevel;
    }
}
