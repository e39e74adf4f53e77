package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.xoev.internal.xml.XmlChars;
import java.io.IOException;
import java.io.Writer;
import org.glassfish.jaxb.core.marshaller.CharacterEscapeHandler;

/**
 * Escapes text and attribute values for JAXB's output and refuses characters XML 1.0 does not allow.
 *
 * <p>Beyond JAXB's minimum escaping it writes carriage return (in text and attributes) and tab and line feed (in
 * attributes) as character references: a parser normalises them otherwise (CR LF to LF, attribute whitespace to
 * blanks), so a value would not survive the round trip unchanged. Without this check JAXB writes a U+0001 as it is
 * and produces a document that no parser accepts.
 */
public final class XmlTextEscaper implements CharacterEscapeHandler {

    /** Stateless, shared. */
    public static final XmlTextEscaper INSTANCE = new XmlTextEscaper();

    private XmlTextEscaper() {
    }

    @Override
    public void escape(char[] chars, int start, int length, boolean attribute, Writer out) throws IOException {
        int end = start + length;
        int plainFrom = start;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            String replacement = replacement(c, attribute);
            if (replacement == null && isLegal(chars, i, end)) {
                if (Character.isHighSurrogate(c)) {
                    i++;
                }
                continue;
            }
            if (replacement == null) {
                throw new IllegalXmlCharacterException(String.format("%04X", (int) c));
            }
            out.write(chars, plainFrom, i - plainFrom);
            out.write(replacement);
            plainFrom = i + 1;
        }
        out.write(chars, plainFrom, end - plainFrom);
    }

    private static String replacement(char c, boolean attribute) {
        switch (c) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '\r':
                return "&#13;";
            case '"':
                return attribute ? "&quot;" : null;
            case '\t':
                return attribute ? "&#9;" : null;
            case '\n':
                return attribute ? "&#10;" : null;
            default:
                return null;
        }
    }

    private static boolean isLegal(char[] chars, int i, int end) {
        return XmlChars.isLegalSingle(chars[i])
                || Character.isHighSurrogate(chars[i]) && i + 1 < end && Character.isLowSurrogate(chars[i + 1]);
    }
}
