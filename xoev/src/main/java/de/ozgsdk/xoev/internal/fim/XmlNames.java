package de.ozgsdk.xoev.internal.fim;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.xoev.fim.FimXmlError;

/** Checks that FIM ids can be XML element names (NCNames); FIM ids and working-copy ids ({@code F00-…}) are. */
public final class XmlNames {

    private XmlNames() {
    }

    /** The id, if it is an NCName. */
    public static String checked(String id) {
        if (!isNcName(id)) {
            throw new InvalidInputException(FimXmlError.ID_NOT_XML_NAME, id);
        }
        return id;
    }

    /** Whether the text is an XML NCName (restricted to letters, digits, {@code - _ .}; no colon). */
    public static boolean isNcName(String text) {
        if (text.isEmpty() || text.length() > 200) {
            return false;
        }
        int first = text.codePointAt(0);
        if (!(Character.isLetter(first) || first == '_')) {
            return false;
        }
        return text.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    }
}
