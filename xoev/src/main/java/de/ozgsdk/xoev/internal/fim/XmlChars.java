package de.ozgsdk.xoev.internal.fim;

/** The characters XML 1.0 documents may hold ({@code Char} production of XML 1.0, section 2.2). */
public final class XmlChars {

    private XmlChars() {
    }

    /** Whether the code point may appear in an XML 1.0 document. */
    public static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** Whether every character of the text may appear in an XML 1.0 document. */
    public static boolean isXmlText(String text) {
        return text.codePoints().allMatch(XmlChars::isXmlChar);
    }
}
