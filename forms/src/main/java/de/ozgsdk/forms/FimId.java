package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identification of a FIM element ({@code <xdf:identifikation>}): an id such as {@code F60000227} (XDatenfelder
 * 2: a letter and 8 digits, version {@code 1.2}) or {@code F60000000243} (XDatenfelder 3: a letter and 11 digits,
 * version {@code 1.2.0}), and a version that working copies lack.
 *
 * <p>Ids of other shapes (working copies such as {@code F00-4cb0dd14-...}) are accepted; {@link #hasStandardShape}
 * tells whether an id looks as the standard says, and the importer warns when it does not.
 */
public record FimId(String id, Optional<String> version) {

    private static final Pattern XDF2_ID = Pattern.compile("[A-Z]\\d{8}");
    private static final Pattern XDF3_ID = Pattern.compile("[A-Z]\\d{11}");
    private static final Pattern XDF2_VERSION = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern XDF3_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

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
        Pattern idShape = xdfVersion == XdfVersion.XDF2 ? XDF2_ID : XDF3_ID;
        Pattern versionShape = xdfVersion == XdfVersion.XDF2 ? XDF2_VERSION : XDF3_VERSION;
        return idShape.matcher(id).matches() && version.map(v -> versionShape.matcher(v).matches()).orElse(true);
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
