package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.xoev.internal.serial.Arguments;

/**
 * Checks identifiers that the message carries as {@code xs:token} of 1 to 200 characters in a form that survives
 * the schema's white-space collapsing unchanged, so that what is written is what is read.
 */
public final class Tokens {

    public static final int MAX_LENGTH = 200;
    private static final String SHAPE = "1 to " + MAX_LENGTH
            + " characters without leading, trailing or double spaces, tabs, line breaks or control characters";

    private Tokens() {
    }

    /**
     * Returns {@code value} if it is a token; the exception names the argument and its owner, never the value.
     *
     * @throws InvalidInputException {@code OZG-XOEV-111} if absent, {@code OZG-XOEV-113} if not a token
     */
    public static String check(String argument, String owner, String value) {
        Arguments.present(value, argument, owner);
        if (value.isEmpty() || value.length() > MAX_LENGTH || value.startsWith(" ") || value.endsWith(" ")
                || value.contains("  ") || value.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw Arguments.malformed(argument, owner, SHAPE);
        }
        return value;
    }

    /** The value of an {@code xs:token} as the schema sees it: white space collapsed to single spaces, trimmed. */
    public static String collapse(String text) {
        return text.replaceAll("[ \\t\\n\\r]+", " ").strip();
    }
}
