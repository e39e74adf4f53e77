package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.xoev.XoevError;
import de.ozgsdk.xoev.internal.xml.XmlChars;
import java.util.regex.Pattern;

/**
 * Checks of the values given to the building blocks; each failure names the argument and the building block (never
 * the value, which may be personal data).
 */
public final class Arguments {

    private Arguments() {
    }

    /** A required value: present, not blank, only XML characters. */
    public static String text(String value, String argument, String owner) {
        if (value == null) {
            throw new InvalidInputException(XoevError.VALUE_MISSING, argument, owner);
        }
        return optionalText(value, argument, owner);
    }

    /** An optional value: absent ({@code null}) or as {@link #text}. */
    public static String optionalText(String value, String argument, String owner) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new InvalidInputException(XoevError.VALUE_BLANK, argument, owner);
        }
        int illegal = XmlChars.firstIllegal(value);
        if (illegal >= 0) {
            throw new InvalidInputException(XoevError.VALUE_ILLEGAL_CHARACTER, argument, owner,
                    XmlChars.hex(value, illegal));
        }
        return value;
    }

    /** A required value that must match {@code pattern} entirely; {@code shape} describes it in the message. */
    public static String matching(String value, Pattern pattern, String shape, String argument, String owner) {
        String checked = text(value, argument, owner);
        if (!pattern.matcher(checked).matches()) {
            throw malformed(argument, owner, shape);
        }
        return checked;
    }

    /** The failure for a value that does not have the form {@code shape}. */
    public static InvalidInputException malformed(String argument, String owner, String shape) {
        return new InvalidInputException(XoevError.VALUE_MALFORMED, argument, owner, shape);
    }

    /** A required non-text value. */
    public static <T> T present(T value, String argument, String owner) {
        if (value == null) {
            throw new InvalidInputException(XoevError.VALUE_MISSING, argument, owner);
        }
        return value;
    }
}
