package de.ozgsdk.forms.internal.fim;

import java.util.Arrays;

/**
 * XÖV {@code String.Latin} 1.1 (the pattern facet of {@code latinchars.xsd} 1.1.1) as a character table: a text
 * matches when it is a sequence of allowed characters and of the few allowed letter + combining mark pairs. One pass
 * over the text, no regular expression; {@code StringLatinTest} compares the table with the official facet.
 */
final class StringLatin {

    /** The allowed single characters as inclusive ranges {@code from, to}, in the order of the official facet. */
    private static final int[] RANGES = {
        0x9, 0xA, 0xD, 0xD, 0x20, 0x7E, 0xA1, 0xAC, 0xAE, 0x107, 0x10A, 0x11B, 0x11E, 0x123, 0x126, 0x131,
        0x134, 0x15B, 0x15E, 0x16B, 0x16E, 0x17E, 0x18F, 0x18F, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x1B7, 0x1B7,
        0x1CD, 0x1D4, 0x1DE, 0x1DF, 0x1E4, 0x1F0, 0x1F4, 0x1F5, 0x1FA, 0x1FF, 0x218, 0x21B, 0x21E, 0x21F,
        0x22A, 0x22B, 0x22E, 0x233, 0x259, 0x259, 0x292, 0x292, 0x1E02, 0x1E03, 0x1E0A, 0x1E0B, 0x1E10, 0x1E11,
        0x1E1E, 0x1E21, 0x1E24, 0x1E27, 0x1E30, 0x1E31, 0x1E40, 0x1E41, 0x1E44, 0x1E45, 0x1E56, 0x1E57,
        0x1E60, 0x1E63, 0x1E6A, 0x1E6B, 0x1E80, 0x1E85, 0x1E8C, 0x1E93, 0x1E9E, 0x1E9E, 0x1EA0, 0x1EA7,
        0x1EAA, 0x1EAC, 0x1EAE, 0x1EC1, 0x1EC4, 0x1ED3, 0x1ED6, 0x1EDD, 0x1EE4, 0x1EF9, 0x20AC, 0x20AC,
    };

    /** The letter + combining mark sequences (M̂ N̂ m̂ n̂ D̂ d̂ J̌ L̂ l̂) as {@code base, mark}. */
    private static final char[] PAIRS = {
        0x4D, 0x302, 0x4E, 0x302, 0x6D, 0x302, 0x6E, 0x302, 0x44, 0x302, 0x64, 0x302, 0x4A, 0x30C, 0x4C, 0x302,
        0x6C, 0x302,
    };

    /** The allowed single characters as a table up to the last one (a {@code BitSet} cost a tenth of the import). */
    private static final boolean[] ALLOWED = new boolean[0x20AD];

    static {
        for (int i = 0; i < RANGES.length; i += 2) {
            Arrays.fill(ALLOWED, RANGES[i], RANGES[i + 1] + 1, true);
        }
    }

    private StringLatin() {
    }

    /**
     * Whether the whole text matches String.Latin. The facet tries a pair before a single character; since every
     * base of a pair is allowed alone and no mark is, that is the same as: each character allowed, or a mark that
     * forms a pair with the character before it (which is then a base, never a mark).
     */
    static boolean matches(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < ALLOWED.length && ALLOWED[c]) {
                continue;
            }
            if (i == 0 || !isPair(text.charAt(i - 1), c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPair(char base, char mark) {
        if (mark != 0x302 && mark != 0x30C) {
            return false;
        }
        for (int i = 0; i < PAIRS.length; i += 2) {
            if (PAIRS[i] == base && PAIRS[i + 1] == mark) {
                return true;
            }
        }
        return false;
    }
}
