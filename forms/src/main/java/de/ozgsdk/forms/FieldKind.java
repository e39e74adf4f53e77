package de.ozgsdk.forms;

import java.util.Optional;
import java.util.Set;

/** The Feldart of a Datenfeld ({@code <xdf:feldart>}): how the field is presented and whether it takes input. */
public enum FieldKind {
    /** {@code input}: the user enters a value. */
    INPUT("input", Set.of(XdfVersion.XDF2, XdfVersion.XDF3)),
    /** {@code select}: the user picks from a code list or inline values. */
    SELECT("select", Set.of(XdfVersion.XDF2, XdfVersion.XDF3)),
    /** {@code label}: static text (the field's content), no input. */
    LABEL("label", Set.of(XdfVersion.XDF2, XdfVersion.XDF3)),
    /** {@code hidden}: carried in the data but not shown (XDatenfelder 3 only). */
    HIDDEN("hidden", Set.of(XdfVersion.XDF3)),
    /** {@code locked}: shown but not editable, e.g. prefilled from a register (XDatenfelder 3 only). */
    LOCKED("locked", Set.of(XdfVersion.XDF3));

    private final String code;
    private final Set<XdfVersion> versions;

    FieldKind(String code, Set<XdfVersion> versions) {
        this.code = code;
        this.versions = versions;
    }

    /** The code in the file, e.g. {@code select}. */
    public String code() {
        return code;
    }

    /** Whether the given XDatenfelder version defines this Feldart. */
    public boolean isDefinedIn(XdfVersion version) {
        return versions.contains(version);
    }

    /** Whether the user enters or picks a value for a field of this kind. */
    public boolean takesInput() {
        return this == INPUT || this == SELECT;
    }

    /** The Feldart with this code, or empty when the code is unknown. */
    public static Optional<FieldKind> ofCode(String code) {
        for (FieldKind kind : values()) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
