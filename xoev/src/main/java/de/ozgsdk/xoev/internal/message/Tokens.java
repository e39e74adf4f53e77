package de.ozgsdk.xoev.internal.message;

import java.util.Objects;

/**
 * Checks identifiers that the message carries as {@code xs:token} of 1 to 200 characters in a form that survives
 * the schema's white-space collapsing unchanged, so that what is written is what is read.
 */
public final class Tokens {

    public static final int MAX_LENGTH = 200;

    private Tokens() {
    }

    /** Returns {@code value} if it is a token; the exception names the argument, never the value. */
    public static String check(String argument, String value) {
        Objects.requireNonNull(value, argument);
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(argument + " must have 1 to " + MAX_LENGTH + " characters");
        }
        if (value.startsWith(" ") || value.endsWith(" ") || value.contains("  ")) {
            throw new IllegalArgumentException(argument + " must not have leading, trailing or double spaces");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(argument + " must not contain tabs, line breaks or control "
                        + "characters");
            }
        }
        return value;
    }

    /** The value of an {@code xs:token} as the schema sees it: white space collapsed to single spaces, trimmed. */
    public static String collapse(String text) {
        return text.replaceAll("[ \\t\\n\\r]+", " ").strip();
    }
}
