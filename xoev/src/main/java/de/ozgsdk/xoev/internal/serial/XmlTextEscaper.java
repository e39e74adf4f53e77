package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.xoev.internal.xml.XmlChars;
import de.ozgsdk.xoev.internal.xml.XmlEscaping;
import java.io.IOException;
import java.io.Writer;
import org.glassfish.jaxb.core.marshaller.CharacterEscapeHandler;

/**
 * Escapes text and attribute values for JAXB's output and refuses characters XML 1.0 does not allow.
 *
 * <p>Beyond JAXB's minimum escaping it writes line ends and tabs as {@link XmlEscaping} does, so that values survive
 * the round trip unchanged. Without the character check JAXB writes a U+0001 as it is and produces a document that no
 * parser accepts.
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
            String replacement = XmlEscaping.reference(c, attribute);
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

    private static boolean isLegal(char[] chars, int i, int end) {
        return XmlChars.isLegalSingle(chars[i])
                || Character.isHighSurrogate(chars[i]) && i + 1 < end && Character.isLowSurrogate(chars[i + 1]);
    }
}
