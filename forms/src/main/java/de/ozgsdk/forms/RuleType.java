package de.ozgsdk.forms;

import java.util.Optional;

/** The type of a FIM rule ({@code <xdf:typ>} of a {@code <xdf:regel>}, XDatenfelder 3 code list Regeltyp). */
public enum RuleType {
    /** {@code B}: Berechnungsregel, computes a value. */
    CALCULATION("B"),
    /** {@code K}: Komplexe Regel. */
    COMPLEX("K"),
    /** {@code M}: Multiplizitätsregel, changes how often an element must or may occur. */
    MULTIPLICITY("M"),
    /** {@code V}: Validierungsregel, checks values. */
    VALIDATION("V");

    private final String code;

    RuleType(String code) {
        this.code = code;
    }

    /** The code in the file. */
    public String code() {
        return code;
    }

    /** The type with this code, or empty. */
    public static Optional<RuleType> ofCode(String code) {
        for (RuleType type : values()) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
