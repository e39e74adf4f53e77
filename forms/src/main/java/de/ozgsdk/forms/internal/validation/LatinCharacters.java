package de.ozgsdk.forms.internal.validation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The character set of DIN SPEC 91379 datatype C ("String.Latin+ 1.2", XDatenfelder Datentyp {@code text_latin}):
 * the normative Latin letters (single code points and the defined sequences of a base letter with combining marks)
 * and the normative non-letters N1 to N4 (space and name punctuation, digits and common signs, fractions and
 * similar, tab/line feed/carriage return/no-break space). Greek and Cyrillic letters (datatype D) and combining
 * marks outside a defined sequence are not allowed.
 *
 * <p>The text is checked in Unicode normalisation form C, as DIN SPEC 91379 prescribes for data exchange, so that
 * {@code e} + combining diaeresis counts as {@code ë}. The tables were derived from the XÖV String.Latin regular
 * expression (which covers an earlier subset) and the DIN SPEC 91379 character list.
 */
public final class LatinCharacters {

    /** Single code points: letters, N1, N2, N3, N4, as inclusive ranges. */
    private static final int[][] RANGES = {
        // Latin letters (normative)
        {0x41, 0x5A}, {0x61, 0x7A}, {0xC0, 0xD6}, {0xD8, 0xF6}, {0xF8, 0x17E}, {0x187, 0x188}, {0x18F, 0x18F},
        {0x197, 0x197}, {0x1A0, 0x1A1}, {0x1AF, 0x1B0}, {0x1B7, 0x1B7}, {0x1CD, 0x1DC}, {0x1DE, 0x1DF},
        {0x1E2, 0x1F0}, {0x1F4, 0x1F5}, {0x1F8, 0x1FF}, {0x212, 0x213}, {0x218, 0x21B}, {0x21E, 0x21F},
        {0x227, 0x233}, {0x259, 0x259}, {0x268, 0x268}, {0x292, 0x292}, {0x1E02, 0x1E03}, {0x1E06, 0x1E07},
        {0x1E0A, 0x1E11}, {0x1E1C, 0x1E2B}, {0x1E2F, 0x1E37}, {0x1E3A, 0x1E3B}, {0x1E40, 0x1E49},
        {0x1E52, 0x1E5B}, {0x1E5E, 0x1E63}, {0x1E6A, 0x1E6F}, {0x1E80, 0x1E87}, {0x1E8C, 0x1E97},
        {0x1E9E, 0x1E9E}, {0x1EA0, 0x1EF9},
        // N1: non-letters required for names
        {0x20, 0x20}, {0x27, 0x27}, {0x2C, 0x2E}, {0x60, 0x60}, {0x7E, 0x7E}, {0xA8, 0xA8}, {0xB4, 0xB4},
        {0xB7, 0xB7}, {0x2B9, 0x2BA}, {0x2BE, 0x2BF}, {0x2C8, 0x2C8}, {0x2CC, 0x2CC}, {0x2019, 0x2019},
        {0x2021, 0x2021},
        // N2: digits and common signs
        {0x21, 0x26}, {0x28, 0x2B}, {0x2F, 0x40}, {0x5B, 0x5F}, {0x7B, 0x7D}, {0xA1, 0xA3}, {0xA5, 0xA5},
        {0xA7, 0xA7}, {0xA9, 0xAC}, {0xAE, 0xB3}, {0xB5, 0xB6}, {0xB9, 0xBB}, {0xBF, 0xBF}, {0xD7, 0xD7},
        {0xF7, 0xF7}, {0x20AC, 0x20AC},
        // N3: optional non-letters
        {0xA4, 0xA4}, {0xA6, 0xA6}, {0xB8, 0xB8}, {0xBC, 0xBE},
        // N4: white space
        {0x09, 0x0A}, {0x0D, 0x0D}, {0xA0, 0xA0},
    };

    /** The defined letter sequences (base letter + combining marks), in NFC, as hex code points. */
    private static final String SEQUENCES = ""
            + "0041 030B,0043 0300,0043 0304,0043 0306,0043 0308,0043 0315,0043 0323,0043 0326,0043 0328 0306,"
            + "0044 0302,0046 0300,0046 0304,0047 0300,0048 0304,0048 0326,0048 0331,004A 0301,004A 030C,"
            + "004B 0300,004B 0302,004B 0304,004B 0307,004B 0315,004B 031B,004B 0326,004B 035F 0048,"
            + "004B 035F 0068,004C 0302,004C 0325,004C 0325 0304,004C 0326,004D 0300,004D 0302,004D 0306,"
            + "004D 0310,004E 0302,004E 0304,004E 0306,004E 0326,0050 0300,0050 0304,0050 0315,0050 0323,"
            + "0052 0306,0052 0325,0052 0325 0304,0053 0300,0053 0304,0053 031B 0304,0053 0331,0054 0300,"
            + "0054 0304,0054 0308,0054 0315,0054 031B,0055 0307,005A 0300,005A 0304,005A 0306,005A 0308,"
            + "005A 0327,"
            + "0061 030B,0063 0300,0063 0304,0063 0306,0063 0308,0063 0315,0063 0323,0063 0326,0063 0328 0306,"
            + "0064 0302,0066 0300,0066 0304,0067 0300,0068 0304,0068 0326,006A 0301,006B 0300,006B 0302,"
            + "006B 0304,006B 0307,006B 0315,006B 031B,006B 0326,006B 035F 0068,006C 0302,006C 0325,"
            + "006C 0325 0304,006C 0326,006D 0300,006D 0302,006D 0306,006D 0310,006E 0302,006E 0304,006E 0306,"
            + "006E 0326,0070 0300,0070 0304,0070 0315,0070 0323,0072 0306,0072 0325,0072 0325 0304,0073 0300,"
            + "0073 0304,0073 031B 0304,0073 0331,0074 0300,0074 0304,0074 0315,0074 031B,0075 0307,007A 0300,"
            + "007A 0304,007A 0306,007A 0308,007A 0327,"
            + "00C7 0306,00DB 0304,00E7 0306,00FB 0304,00FF 0301,010C 0315,010C 0323,010D 0315,010D 0323,"
            + "012A 0301,012B 0301,017D 0326,017D 0327,017E 0326,017E 0327,1E32 0304,1E33 0304,1E62 0304,"
            + "1E63 0304,1E6C 0304,1E6D 0304,1EA0 0308,1EA1 0308,1ECC 0308,1ECD 0308,1EE4 0304,1EE4 0308,"
            + "1EE5 0304,1EE5 0308";

    private static final BitSet SINGLE = new BitSet(0x20AD);
    /** Sequences by their first code point, longest first. */
    private static final Map<Integer, List<int[]>> SEQUENCES_BY_BASE = new HashMap<>();

    static {
        for (int[] range : RANGES) {
            SINGLE.set(range[0], range[1] + 1);
        }
        for (String sequence : SEQUENCES.split(",")) {
            String[] hex = sequence.strip().split(" ");
            int[] codePoints = new int[hex.length];
            for (int i = 0; i < hex.length; i++) {
                codePoints[i] = Integer.parseInt(hex[i], 16);
            }
            SEQUENCES_BY_BASE.computeIfAbsent(codePoints[0], k -> new ArrayList<>()).add(codePoints);
        }
        SEQUENCES_BY_BASE.values().forEach(list -> list.sort((a, b) -> b.length - a.length));
    }

    private LatinCharacters() {
    }

    /** The allowed single code points as inclusive ranges {@code {first, last}} (copies; the JSON Schema export). */
    public static List<int[]> ranges() {
        List<int[]> copy = new ArrayList<>();
        for (int[] range : RANGES) {
            copy.add(range.clone());
        }
        return copy;
    }

    /** The defined letter sequences as code points in NFC (copies; the JSON Schema export). */
    public static List<int[]> sequences() {
        List<int[]> copy = new ArrayList<>();
        SEQUENCES_BY_BASE.values().forEach(list -> list.forEach(sequence -> copy.add(sequence.clone())));
        copy.sort(Comparator.comparingInt((int[] sequence) -> sequence[0]).thenComparingInt(sequence -> -sequence.length)
                .thenComparing(Arrays::toString));
        return copy;
    }

    /**
     * The 1-based position (in code points of the NFC form) of the first character that is not allowed, or empty
     * when the whole text is allowed.
     */
    public static OptionalInt firstDisallowed(String text) {
        int[] cps = Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int matched = matchSequence(cps, i);
            if (matched > 0) {
                i += matched;
            } else if (cps[i] < SINGLE.size() && SINGLE.get(cps[i])) {
                i++;
            } else {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    private static int matchSequence(int[] cps, int start) {
        List<int[]> candidates = SEQUENCES_BY_BASE.get(cps[start]);
        if (candidates == null) {
            return 0;
        }
        for (int[] sequence : candidates) {
            if (start + sequence.length <= cps.length && matches(cps, start, sequence)) {
                return sequence.length;
            }
        }
        return 0;
    }

    private static boolean matches(int[] cps, int start, int[] sequence) {
        for (int k = 0; k < sequence.length; k++) {
            if (cps[start + k] != sequence[k]) {
                return false;
            }
        }
        return true;
    }
}
