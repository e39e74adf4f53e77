package de.ozgsdk.forms.internal.jsonschema;

import de.ozgsdk.forms.internal.validation.LatinCharacters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The DIN SPEC 91379 datatype C character set of {@link LatinCharacters} as one regular expression (ECMA-262 and Java
 * alike): the defined letter sequences, longest first, or one allowed single character, any number of times. Only
 * {@code \\uXXXX} escapes are used, so the pattern survives any JSON or regex quoting.
 */
final class LatinPattern {

    private static final String PATTERN = build();

    private LatinPattern() {
    }

    /** The anchored pattern. */
    static String pattern() {
        return PATTERN;
    }

    private static String build() {
        List<int[]> sequences = new ArrayList<>(LatinCharacters.sequences());
        sequences.sort(Comparator.comparingInt((int[] s) -> -s.length));
        StringBuilder s = new StringBuilder("^(?:");
        for (int[] sequence : sequences) {
            for (int codePoint : sequence) {
                escape(s, codePoint);
            }
            s.append('|');
        }
        s.append('[');
        for (int[] range : merged(LatinCharacters.ranges())) {
            escape(s, range[0]);
            if (range[1] > range[0]) {
                s.append('-');
                escape(s, range[1]);
            }
        }
        return s.append("])*$").toString();
    }

    private static List<int[]> merged(List<int[]> ranges) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt((int[] r) -> r[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] range : sorted) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && range[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], range[1]);
            } else {
                merged.add(new int[] {range[0], range[1]});
            }
        }
        return merged;
    }

    private static void escape(StringBuilder s, int codePoint) {
        if (codePoint > 0xFFFF) {
            throw new IllegalStateException("DIN SPEC 91379 table holds a supplementary character");
        }
        s.append(String.format("\\u%04X", codePoint));
    }
}
