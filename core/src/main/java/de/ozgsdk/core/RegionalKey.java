package de.ozgsdk.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Amtlicher Regionalschlüssel (ARS, 12 digits: Land 2, Regierungsbezirk 1, Kreis 2, Gemeindeverband 4,
 * Gemeinde 3), the key of a municipality and of its tenant on the central portal.
 *
 * <pre>{@code
 * RegionalKey cologne = RegionalKey.parse("053150000000");
 * Bundesland land = cologne.land(); // NORDRHEIN_WESTFALEN
 * String ags = cologne.ags();       // "05315000", the Amtlicher Gemeindeschlüssel
 * }</pre>
 */
public final class RegionalKey implements Comparable<RegionalKey> {

    private static final Pattern ARS = Pattern.compile("[0-9]{12}");
    private static final Pattern AGS = Pattern.compile("[0-9]{8}");

    private final String value;
    private final Bundesland land;

    private RegionalKey(String value, Bundesland land) {
        this.value = value;
        this.land = land;
    }

    /**
     * Parses a 12-digit ARS; surrounding white space is ignored.
     *
     * @throws InvalidInputException if the text is not 12 digits or its first two digits name no Land
     */
    public static RegionalKey parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (!ARS.matcher(trimmed).matches()) {
            throw new InvalidInputException(CoreError.REGIONAL_KEY_INVALID, Values.quoteForMessage(trimmed));
        }
        return new RegionalKey(trimmed, landOf(trimmed));
    }

    /**
     * Builds the ARS of a municipality that is not part of a Gemeindeverband from its 8-digit Amtlicher
     * Gemeindeschlüssel (AGS): the Gemeindeverband digits become {@code 0000}, as Destatis does for such
     * municipalities. For a member of a Gemeindeverband the AGS alone is not enough: use {@link #parse(String)}.
     */
    public static RegionalKey fromAgs(String ags) {
        Objects.requireNonNull(ags, "ags");
        String trimmed = ags.strip();
        if (!AGS.matcher(trimmed).matches()) {
            throw new InvalidInputException(CoreError.REGIONAL_KEY_INVALID, Values.quoteForMessage(trimmed));
        }
        return parse(trimmed.substring(0, 5) + "0000" + trimmed.substring(5));
    }

    private static Bundesland landOf(String digits) {
        return Bundesland.ofKey(digits.substring(0, 2))
                .orElseThrow(() -> new InvalidInputException(
                        CoreError.REGIONAL_KEY_UNKNOWN_LAND, digits, digits.substring(0, 2)));
    }

    /** The 12 digits of the ARS. */
    public String value() {
        return value;
    }

    /** The 8-digit Amtlicher Gemeindeschlüssel: Land, Regierungsbezirk, Kreis and Gemeinde without Gemeindeverband. */
    public String ags() {
        return value.substring(0, 5) + value.substring(9);
    }

    /** The Land, from the first two digits. */
    public Bundesland land() {
        return land;
    }

    /** The five-digit key of the Kreis (or kreisfreie Stadt) the municipality belongs to. */
    public String kreisKey() {
        return value.substring(0, 5);
    }

    @Override
    public int compareTo(RegionalKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionalKey other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
