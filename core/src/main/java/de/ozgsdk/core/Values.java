package de.ozgsdk.core;

/** Shared checks of the value types; package-private because it is not part of the API. */
final class Values {

    private static final int MAX_ECHO = 40;

    private Values() {
    }

    /**
     * Quotes rejected input for an error message, shortened and with control characters replaced, so that a huge or
     * multi-line input cannot flood a log. Value types only echo keys and amounts, never personal data.
     */
    static String quoteForMessage(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().limit(MAX_ECHO).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        if (text.codePointCount(0, text.length()) > MAX_ECHO) {
            out.append('…');
        }
        return out.append('"').toString();
    }
}
