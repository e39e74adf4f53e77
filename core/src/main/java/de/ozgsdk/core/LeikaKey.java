package de.ozgsdk.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Leistungsschlüssel of the LeiKa / FIM Leistungskatalog (14 digits, e.g. {@code 99123456760000}) that names the
 * administrative service an online service implements.
 */
public final class LeikaKey implements Comparable<LeikaKey> {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{14}");

    private final String value;

    private LeikaKey(String value) {
        this.value = value;
    }

    /**
     * Parses a Leistungsschlüssel; surrounding white space is ignored.
     *
     * @throws InvalidInputException with {@link CoreError#LEIKA_KEY_INVALID} unless the text is exactly 14 digits
     */
    public static LeikaKey parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (!FORMAT.matcher(trimmed).matches()) {
            throw new InvalidInputException(CoreError.LEIKA_KEY_INVALID, Values.quoteForMessage(trimmed));
        }
        return new LeikaKey(trimmed);
    }

    /** The 14 digits. */
    public String value() {
        return value;
    }

    @Override
    public int compareTo(LeikaKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeikaKey other && value.equals(other.value);
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
