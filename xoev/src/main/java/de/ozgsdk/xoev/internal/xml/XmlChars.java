package de.ozgsdk.xoev.internal.xml;

/** The characters XML 1.0 documents may hold (production {@code Char} of XML 1.0, section 2.2). */
public final class XmlChars {

    private XmlChars() {
    }

    /** Whether the code point may appear in an XML 1.0 document. */
    public static boolean isXmlChar(int codePoint) {
        if (codePoint >= 0x10000) {
            return codePoint <= 0x10FFFF;
        }
        return codePoint >= 0 && isLegalSingle((char) codePoint);
    }

    /** Whether every character of the text may appear in an XML 1.0 document (surrogates only as pairs). */
    public static boolean isXmlText(CharSequence text) {
        return firstIllegal(text) < 0;
    }

    /** Whether {@code c} is an XML 1.0 character on its own (surrogates are legal only as a pair). */
    public static boolean isLegalSingle(char c) {
        return c >= 0x20 && c < 0xD800 || c == 0x9 || c == 0xA || c == 0xD || c >= 0xE000 && c <= 0xFFFD;
    }

    /**
     * The index of the first character of {@code text} that XML 1.0 does not allow (a control character other than
     * tab, line feed and carriage return, U+FFFE, U+FFFF or an unpaired surrogate), or -1 if there is none.
     */
    public static int firstIllegal(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isLegalSingle(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /** {@link #firstIllegal(CharSequence, int, int)} over the whole text. */
    public static int firstIllegal(CharSequence text) {
        return firstIllegal(text, 0, text.length());
    }

    /** The code unit at {@code index} as four hex digits, as the error messages show it (U+0001). */
    public static String hex(CharSequence text, int index) {
        return String.format("%04X", (int) text.charAt(index));
    }
}
