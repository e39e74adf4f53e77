package de.ozgsdk.payment.internal;

/** Rejected input as it is echoed in an error message: shortened, without control characters. */
public final class Echo {

    private static final int MAX = 40;

    private Echo() {
    }

    /** At most 40 code points of {@code text}, control characters replaced by {@code ?}, an ellipsis if cut. */
    public static String of(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        if (text.codePointCount(0, text.length()) > MAX) {
            out.append('…');
        }
        return out.toString();
    }
}
