package de.ozgsdk.forms;

import de.ozgsdk.forms.internal.data.ValueParser;
import java.util.Optional;
import java.util.Set;

/** The Datentyp of a Datenfeld ({@code <xdf:datentyp>}): what kind of value the field holds. */
public enum DataType {
    /** {@code bool}: yes or no. */
    BOOL("bool", true),
    /** {@code date}: a calendar date. */
    DATE("date", true),
    /** {@code datetime}: date and time (XDatenfelder 3 only). */
    DATETIME("datetime", false),
    /** {@code file}: an attachment. */
    FILE("file", true),
    /** {@code num}: a decimal number. */
    NUM("num", true),
    /** {@code num_currency}: an amount of money (two decimal places). */
    NUM_CURRENCY("num_currency", true),
    /** {@code num_int}: an integer. */
    NUM_INT("num_int", true),
    /** {@code obj}: a binary object, e.g. an image. */
    OBJ("obj", true),
    /** {@code text}: a character string. */
    TEXT("text", true),
    /** {@code text_latin}: a string restricted to the characters of DIN SPEC 91379 (XDatenfelder 3 only). */
    TEXT_LATIN("text_latin", false),
    /** {@code time}: a time of day (XDatenfelder 3 only). */
    TIME("time", false);

    private final String code;
    private final Set<XdfVersion> versions;

    DataType(String code, boolean alsoXdf2) {
        this.code = code;
        this.versions = alsoXdf2 ? Set.of(XdfVersion.XDF2, XdfVersion.XDF3) : Set.of(XdfVersion.XDF3);
    }

    /** The code in the file, e.g. {@code num_int}. */
    public String code() {
        return code;
    }

    /** Whether the given XDatenfelder version defines this Datentyp. */
    public boolean isDefinedIn(XdfVersion version) {
        return versions.contains(version);
    }

    /** Whether values of this type are numbers ({@code num}, {@code num_int}, {@code num_currency}). */
    public boolean isNumeric() {
        return this == NUM || this == NUM_INT || this == NUM_CURRENCY;
    }

    /** Whether values of this type are text ({@code text}, {@code text_latin}). */
    public boolean isText() {
        return this == TEXT || this == TEXT_LATIN;
    }

    /**
     * The canonical text of a value of this Datentyp as a user typed or a system sent it, the form in which the SDK
     * writes it (ISO dates and times, plain decimals with a point, {@code true}/{@code false}, text stripped); empty
     * when the text is not a value of this type (e.g. {@code 31.02.2024} for {@code date}). German notation such as
     * {@code 31.01.2024} or {@code 1,5} is read as well.
     */
    public Optional<String> canonical(String text) {
        return ValueParser.parse(this, text).map(ValueParser::canonical);
    }

    /** The Datentyp with this code, or empty when the code is unknown. */
    public static Optional<DataType> ofCode(String code) {
        for (DataType type : values()) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
