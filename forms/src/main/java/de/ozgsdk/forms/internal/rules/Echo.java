package de.ozgsdk.forms.internal.rules;

/**
 * Quotes author input (tokens, keys, expressions) for error messages, shortened and with control characters
 * replaced, so that a huge or multi-line input cannot flood a log. Rule messages only ever echo what a service author
 * wrote, never form data.
 */
public final class Echo {

    private static final int MAX_ECHO = 60;

    private Echo() {
    }

    /** The text in double quotes, at most 60 characters, control characters as '?'. */
    public static String quote(String text) {
        return "\"" + shorten(text) + "\"";
    }

    /** The text cut to at most 60 characters, control characters as '?'. */
    public static String shorten(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_ECHO).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        if (text.codePointCount(0, text.length()) > MAX_ECHO) {
            out.append('…');
        }
        return out.toString();
    }
}
