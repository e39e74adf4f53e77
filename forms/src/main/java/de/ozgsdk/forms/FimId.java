package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * The identification of a FIM element ({@code <xdf:identifikation>}): an id such as {@code F60000227} (XDatenfelder
 * 2: a letter and 8 digits, version {@code 1.2}) or {@code F60000000243} (XDatenfelder 3: a letter and 11 digits,
 * version {@code 1.2.0}), and a version that working copies lack.
 *
 * <p>Ids of other shapes (working copies such as {@code F00-4cb0dd14-...}) are accepted; {@link #hasStandardShape}
 * tells whether an id looks as the standard says, and the importer warns when it does not.
 */
public record FimId(String id, Optional<String> version) {


    /** Validates that the id is not blank; the version, if present, is not blank either. */
    public FimId {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        if (id.isBlank() || version.map(String::isBlank).orElse(false)) {
            throw new InvalidInputException(FimError.MODEL_VALUE_INVALID, "id", id + " " + version.orElse(""));
        }
    }

    /** An id with a version. */
    public static FimId of(String id, String version) {
        return new FimId(id, Optional.of(version));
    }

    /** An id without version (a working copy). */
    public static FimId of(String id) {
        return new FimId(id, Optional.empty());
    }

    /** Whether id and version (if present) have the shape the standard gives for this version. */
    public boolean hasStandardShape(XdfVersion xdfVersion) {
        boolean xdf2 = xdfVersion == XdfVersion.XDF2;
        return isLetterAndDigits(id, xdf2 ? 8 : 11)
                && version.map(v -> isDottedNumbers(v, xdf2 ? 2 : 3)).orElse(true);
    }

    private static boolean isLetterAndDigits(String text, int digits) {
        if (text.length() != digits + 1 || text.charAt(0) < 'A' || text.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code 1.2} for parts = 2, {@code 1.2.0} for parts = 3. */
    private static boolean isDottedNumbers(String text, int parts) {
        int found = 1;
        boolean digitSeen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' && digitSeen) {
                found++;
                digitSeen = false;
            } else if (c >= '0' && c <= '9') {
                digitSeen = true;
            } else {
                return false;
            }
        }
        return digitSeen && found == parts;
    }

    /** The first letter of the id, which names the kind: S schema, G group, F field, R rule, C code list. */
    public char kindLetter() {
        return id.charAt(0);
    }

    /** The FIM notation {@code F60000227V1.2}, or just the id when there is no version. */
    @Override
    public String toString() {
        return version.map(v -> id + "V" + v).orElse(id);
    }
}
