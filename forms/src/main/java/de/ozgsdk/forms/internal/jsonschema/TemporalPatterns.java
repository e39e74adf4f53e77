package de.ozgsdk.forms.internal.jsonschema;

import de.ozgsdk.forms.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Regular expressions (ECMA-262 and Java alike) for the canonical JSON form of dates, times and date-times, and for
 * "not before" / "not after" a limit: JSON Schema 2020-12 has no ordering keywords for strings, but canonical ISO
 * values of fixed layout order like their texts, so a limit becomes a pattern.
 *
 * <p>Canonical forms (those {@code FormDataJson} writes): date {@code 2024-01-31}; time {@code 14:30} or
 * {@code 14:30:15} (zero seconds omitted); date-time {@code 2024-01-31T14:30[:15]} with an optional offset
 * {@code Z} / {@code +01:00}. A shorter local part means zero seconds and sorts before any longer one with the same
 * prefix, so comparing texts up to the end of the local part is comparing values (offsets are ignored, as the
 * validator compares local date-times).
 */
public final class TemporalPatterns {

    private static final String LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";
    private static final String DATE = "(?:[0-9]{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
            + "|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|" + LEAP_YEAR + "-02-29)";
    private static final String TIME = "(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?";
    private static final String OFFSET = "(?:Z|[+-](?:(?:0[0-9]|1[0-7]):[0-5][0-9](?::[0-5][0-9])?|18:00(?::00)?))";

    private TemporalPatterns() {
    }

    /** The anchored pattern of valid canonical values of a temporal Datentyp. */
    public static String valid(DataType type) {
        return switch (type) {
            case DATE -> "^" + DATE + "$";
            case TIME -> "^" + TIME + "$";
            case DATETIME -> "^" + DATE + "T" + TIME + OFFSET + "?$";
            default -> throw new IllegalArgumentException("not temporal: " + type);
        };
    }

    /** A pattern that a valid canonical value matches exactly when it is not before {@code limit}. */
    public static String notBefore(DataType type, String limit) {
        List<String> alternatives = new ArrayList<>();
        alternatives.add(limit);
        for (int i = 0; i < limit.length(); i++) {
            char c = limit.charAt(i);
            if (c >= '0' && c < '9') {
                alternatives.add(limit.substring(0, i) + digitsFrom((char) (c + 1), '9'));
            }
        }
        return "^(?:" + String.join("|", alternatives) + ")";
    }

    /** A pattern that a valid canonical value matches exactly when it is not after {@code limit}. */
    public static String notAfter(DataType type, String limit) {
        List<String> alternatives = new ArrayList<>();
        for (int end : localEnds(type)) {
            if (end <= limit.length()) {
                alternatives.add(limit.substring(0, end) + tail(type));
            }
        }
        for (int i = 0; i < limit.length(); i++) {
            char c = limit.charAt(i);
            if (c > '0' && c <= '9') {
                alternatives.add(limit.substring(0, i) + digitsFrom('0', (char) (c - 1)));
            }
        }
        return "^(?:" + String.join("|", alternatives) + ")";
    }

    private static String digitsFrom(char from, char to) {
        return from == to ? String.valueOf(from) : "[" + from + "-" + to + "]";
    }

    /** The lengths at which a canonical local part can end. */
    private static int[] localEnds(DataType type) {
        return switch (type) {
            case DATE -> new int[] {10};
            case TIME -> new int[] {5, 8};
            case DATETIME -> new int[] {16, 19};
            default -> throw new IllegalArgumentException("not temporal: " + type);
        };
    }

    /** What may follow a complete local part. */
    private static String tail(DataType type) {
        return type == DataType.DATETIME ? "(?:$|[Z+-])" : "$";
    }
}
