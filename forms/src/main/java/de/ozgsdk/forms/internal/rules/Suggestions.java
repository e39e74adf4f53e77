package de.ozgsdk.forms.internal.rules;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the closest known word to a misspelt one, for "did you mean ...?" hints. */
public final class Suggestions {

    private static final int MAX_COMPARED_LENGTH = 64;

    private Suggestions() {
    }

    /**
     * The candidate closest to the word by edit distance (case-insensitive), if it is close enough to be a plausible
     * typo: at most a third of the word's length, at least one edit.
     */
    public static Optional<String> nearest(String word, Collection<String> candidates) {
        int allowed = Math.max(1, Math.min(word.length(), MAX_COMPARED_LENGTH) / 3);
        return closest(word, candidates).filter(best -> distance(lower(word), lower(best)) <= allowed);
    }

    /** The candidate closest to the word, however far; empty only when there are no candidates. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(lower(word), lower(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * Edit distance counting a swap of two neighbouring characters as one edit (the commonest typo: "ture");
     * inputs are cut to 64 characters, which keeps the cost bounded for hostile input.
     */
    static int distance(String a, String b) {
        String s = a.length() > MAX_COMPARED_LENGTH ? a.substring(0, MAX_COMPARED_LENGTH) : a;
        String t = b.length() > MAX_COMPARED_LENGTH ? b.substring(0, MAX_COMPARED_LENGTH) : b;
        int[][] d = new int[s.length() + 1][t.length() + 1];
        for (int i = 0; i <= s.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= t.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[s.length()][t.length()];
    }
}
