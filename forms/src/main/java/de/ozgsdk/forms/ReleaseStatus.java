package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * The status of an element: XDatenfelder 2 {@code <xdf:status>} ({@code aktiv}, {@code inaktiv},
 * {@code inVorbereitung}) or XDatenfelder 3 {@code <xdf:freigabestatus>} (codes {@code 1}..{@code 9} of
 * {@code urn:xoev-de:xprozess:codeliste:status}, e.g. {@code 6} = fachlich freigegeben (gold)).
 *
 * @param code    the code as in the file
 * @param listUri the code list the code is from, when the file names it
 * @param listVersion the version of that code list, when the file names it
 */
public record ReleaseStatus(String code, Optional<String> listUri, Optional<String> listVersion) {

    public ReleaseStatus {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(listUri, "listUri");
        Objects.requireNonNull(listVersion, "listVersion");
        if (code.isBlank()) {
            throw new InvalidInputException(FimError.MODEL_VALUE_INVALID, "status", code);
        }
    }

    /** A status with only a code. */
    public static ReleaseStatus of(String code) {
        return new ReleaseStatus(code, Optional.empty(), Optional.empty());
    }

    /**
     * Whether the element is in force: XDatenfelder 2 {@code aktiv}, or an XDatenfelder 3 status from 6
     * (fachlich freigegeben) to 8 (ready for use); 9 is "nicht mehr gültig", 1..5 are drafts and reviews.
     */
    public boolean isActive() {
        return switch (code) {
            case "aktiv", "6", "7", "8" -> true;
            default -> false;
        };
    }
}
