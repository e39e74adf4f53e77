package de.ozgsdk.xoev.internal.xml;

/**
 * Escaping of text for XML element content and double-quoted attribute values.
 *
 * <p>Beyond the minimum it writes carriage return (in content and attributes) and tab and line feed (in attributes)
 * as character references: a parser normalises them otherwise (CR LF to LF, attribute white space to blanks), so a
 * value would not survive the round trip unchanged.
 */
public final class XmlEscaping {

    private XmlEscaping() {
    }

    /** The reference that stands for {@code c} in content or (when {@code attribute}) an attribute value, or null. */
    public static String reference(char c, boolean attribute) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '\r' -> "&#13;";
            case '"' -> attribute ? "&quot;" : null;
            case '\t' -> attribute ? "&#9;" : null;
            case '\n' -> attribute ? "&#10;" : null;
            default -> null;
        };
    }

    /**
     * The text escaped for a double-quoted attribute value; the same form serves as element content, where it keeps
     * tabs and line ends as references.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String reference = reference(c, true);
            if (reference == null) {
                out.append(c);
            } else {
                out.append(reference);
            }
        }
        return out.toString();
    }

    /** Appends the text escaped as {@link #escape(String)} does; a text without anything to escape is copied whole. */
    public static void escape(String text, StringBuilder out) {
        int length = text.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > '>' || c >= ' ' && c != '&' && c != '<' && c != '>' && c != '"') {
                continue;
            }
            String reference = reference(c, true);
            if (reference != null) {
                out.append(text, start, i).append(reference);
                start = i + 1;
            }
        }
        if (start == 0) {
            out.append(text);
        } else {
            out.append(text, start, length);
        }
    }
}
