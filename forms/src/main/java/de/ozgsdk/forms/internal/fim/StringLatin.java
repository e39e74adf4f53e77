package de.ozgsdk.forms.internal.fim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pattern of XÖV {@code String.Latin} 1.1.1 ({@code latinchars.xsd}) as a character table: a text matches when it
 * is a sequence of allowed characters and of the few allowed letter + combining mark pairs. The table is read from the
 * bundled {@code latinchars.xsd} itself, so it is the official pattern, only checked in one pass.
 */
final class StringLatin {

    /** The namespace of the XÖV data type String.Latin 1.1. */
    static final String NAMESPACE = "http://xoev.de/latinchars/1_1/datatypes";

    private static final String XSD = "/de/ozgsdk/forms/xsd/xdatenfelder-3.0.0/latinchars.xsd";
    private static final Pattern FACET = Pattern.compile("<xs:pattern value=\"([^\"]*)\"\\s*/>");
    private static final Pattern CHARACTER = Pattern.compile("&#x([0-9a-fA-F]+);(?:-&#x([0-9a-fA-F]+);)?");
    private static final boolean[] ALLOWED;
    /** Pairs of a base letter and a combining mark, as {@code base << 16 | mark}. */
    private static final int[] PAIRS;

    static {
        String facet = facet(read());
        int classEnd = facet.indexOf(']');
        boolean[] allowed = new boolean[0];
        Matcher single = CHARACTER.matcher(facet.substring(facet.indexOf('[') + 1, classEnd));
        while (single.find()) {
            int from = Integer.parseInt(single.group(1), 16);
            int to = single.group(2) == null ? from : Integer.parseInt(single.group(2), 16);
            if (to >= allowed.length) {
                allowed = Arrays.copyOf(allowed, to + 1);
            }
            for (int c = from; c <= to; c++) {
                allowed[c] = true;
            }
        }
        List<Integer> pairs = new ArrayList<>();
        Matcher pair = Pattern.compile("&#x([0-9a-fA-F]+);&#x([0-9a-fA-F]+);").matcher(facet.substring(classEnd));
        while (pair.find()) {
            pairs.add(Integer.parseInt(pair.group(1), 16) << 16 | Integer.parseInt(pair.group(2), 16));
        }
        ALLOWED = allowed;
        PAIRS = pairs.stream().mapToInt(Integer::intValue).toArray();
    }

    private StringLatin() {
    }

    /** Whether the whole text matches the String.Latin pattern. */
    static boolean matches(CharSequence text) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (i + 1 < length && isPair(c, text.charAt(i + 1))) {
                i += 2;
            } else if (c < ALLOWED.length && ALLOWED[c]) {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }

    /** The schema document {@code latinchars.xsd} without its pattern facet (checked here instead). */
    static byte[] withoutPattern(byte[] latincharsXsd) {
        String text = new String(latincharsXsd, StandardCharsets.UTF_8);
        facet(text);
        return FACET.matcher(text).replaceFirst("").getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isPair(char base, char mark) {
        int key = base << 16 | mark;
        for (int pair : PAIRS) {
            if (pair == key) {
                return true;
            }
        }
        return false;
    }

    private static String facet(String xsd) {
        Matcher facet = FACET.matcher(xsd);
        if (!facet.find() || facet.group(1).indexOf('[') < 0) {
            throw new IllegalStateException("latinchars.xsd has no String.Latin pattern of the known shape");
        }
        return facet.group(1);
    }

    private static String read() {
        try (InputStream in = StringLatin.class.getResourceAsStream(XSD)) {
            if (in == null) {
                throw new IOException("missing resource " + XSD);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
