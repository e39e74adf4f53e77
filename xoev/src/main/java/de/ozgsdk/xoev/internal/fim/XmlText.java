package de.ozgsdk.xoev.internal.fim;

/** Escapes text for XML element content and attribute values (line ends as references, so they survive parsing). */
public final class XmlText {

    private XmlText() {
    }

    /** The text escaped for content or a double-quoted attribute value. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
