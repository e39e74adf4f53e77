package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import java.util.OptionalInt;

/**
 * The Multiplizität of an element at one place in a structure ({@code <xdf:anzahl>}): how often it must and may
 * occur, written {@code min:max} with {@code *} or {@code n} for "unbounded" ({@code 0:1}, {@code 1:1}, {@code 0:*},
 * {@code 1:n}, {@code 2:5}).
 *
 * @param min the minimum number of occurrences (0 means optional)
 * @param max the maximum, empty for unbounded
 */
public record Multiplicity(int min, OptionalInt max) {

    /** {@code 1:1}: exactly once. */
    public static final Multiplicity EXACTLY_ONE = new Multiplicity(1, OptionalInt.of(1));
    /** {@code 0:1}: optional, at most once. */
    public static final Multiplicity OPTIONAL = new Multiplicity(0, OptionalInt.of(1));

    private static final int MAX_BOUND = 1_000_000;

    /** Validates {@code 0 <= min <= max}. */
    public Multiplicity {
        if (max == null || min < 0 || max.isPresent() && max.getAsInt() < min) {
            throw new InvalidInputException(FimError.MULTIPLICITY_SYNTAX, min + ":" + max);
        }
    }

    /**
     * Parses {@code min:max}; surrounding white space is ignored.
     *
     * @throws InvalidInputException ({@link FimError#MULTIPLICITY_SYNTAX}) for anything else, such as {@code 3:1},
     *                               {@code a:b} or {@code 1}
     */
    public static Multiplicity parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            throw new InvalidInputException(FimError.MULTIPLICITY_SYNTAX, trimmed);
        }
        int min = bound(trimmed.substring(0, colon), trimmed);
        String maxText = trimmed.substring(colon + 1);
        OptionalInt max = "*".equals(maxText) || "n".equalsIgnoreCase(maxText)
                ? OptionalInt.empty() : OptionalInt.of(bound(maxText, trimmed));
        if (max.isPresent() && max.getAsInt() < min) {
            throw new InvalidInputException(FimError.MULTIPLICITY_SYNTAX, trimmed);
        }
        return new Multiplicity(min, max);
    }

    private static int bound(String digits, String whole) {
        if (digits.isEmpty() || digits.length() > 7) {
            throw new InvalidInputException(FimError.MULTIPLICITY_SYNTAX, whole);
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new InvalidInputException(FimError.MULTIPLICITY_SYNTAX, whole);
            }
        }
        int value = Integer.parseInt(digits);
        if (value > MAX_BOUND) {
            throw new InvalidInputException(FimError.MULTIPLICITY_SYNTAX, whole);
        }
        return value;
    }

    /** Whether at least one occurrence is required ({@code min >= 1}). */
    public boolean isRequired() {
        return min > 0;
    }

    /** Whether the element may occur more than once (a repeatable group or field). */
    public boolean isRepeatable() {
        return max.isEmpty() || max.getAsInt() > 1;
    }

    /** Whether there is no upper bound. */
    public boolean isUnbounded() {
        return max.isEmpty();
    }

    /** Whether {@code count} occurrences are allowed. */
    public boolean allows(int count) {
        return count >= min && (max.isEmpty() || count <= max.getAsInt());
    }

    /** The XDatenfelder notation, {@code *} for unbounded: {@code 0:1}, {@code 1:*}. */
    @Override
    public String toString() {
        return min + ":" + (max.isPresent() ? Integer.toString(max.getAsInt()) : "*");
    }
}
