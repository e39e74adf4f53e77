package de.ozgsdk.xoev.internal.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The SHA-256 of the Fachdaten in a canonical form that does not depend on how they were serialised (prefixes,
 * namespace declarations, attribute order, CDATA, quoting, character references), so that a receiver can recompute
 * the digest the time-stamp covers from the parsed message. MESSAGE.md documents the form:
 *
 * <pre>
 * element   = "&lt;{" uri "}" local-name attribute* "&gt;" content* "&lt;/&gt;"
 * attribute = " {" uri "}" local-name "=\"" escaped-value "\""   (sorted by uri, then local name; no xmlns)
 * content   = element | escaped-text                             (adjacent text and CDATA joined)
 * escaped   = the text with &amp; &lt; &gt; " { } written as
 *             &amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;#123; &amp;#125;
 * </pre>
 *
 * encoded as UTF-8; comments and processing instructions are left out; white space is kept as parsed.
 */
public final class CanonicalFachdaten {

    private static final Comparator<Attr> ATTRIBUTE_ORDER = Comparator
            .comparing((Attr a) -> nullToEmpty(a.getNamespaceURI()))
            .thenComparing(CanonicalFachdaten::localName);

    private CanonicalFachdaten() {
    }

    /** SHA-256 of the canonical form of {@code element}. */
    public static byte[] sha256(Element element) {
        StringBuilder text = new StringBuilder(4096);
        MessageDigest digest = Digests.sha256();
        append(element, text, digest);
        flush(text, digest);
        return digest.digest();
    }

    /** The canonical form as text, for tests and for people checking a digest by hand. */
    public static String canonicalText(Element element) {
        StringBuilder text = new StringBuilder();
        append(element, text, null);
        return text.toString();
    }

    private static void append(Element element, StringBuilder out, MessageDigest digest) {
        out.append("<{");
        escape(nullToEmpty(element.getNamespaceURI()), out);
        out.append('}').append(localName(element));
        for (Attr attribute : sortedAttributes(element)) {
            out.append(" {");
            escape(nullToEmpty(attribute.getNamespaceURI()), out);
            out.append('}').append(localName(attribute)).append("=\"");
            escape(attribute.getValue(), out);
            out.append('"');
        }
        out.append('>');
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            short type = child.getNodeType();
            if (type == Node.ELEMENT_NODE) {
                append((Element) child, out, digest);
            } else if (type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE) {
                escape(child.getNodeValue(), out);
            }
            if (digest != null && out.length() > 8192 && !Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                flush(out, digest);
            }
        }
        out.append("</>");
    }

    private static void flush(StringBuilder text, MessageDigest digest) {
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    private static List<Attr> sortedAttributes(Element element) {
        NamedNodeMap map = element.getAttributes();
        List<Attr> attributes = new ArrayList<>(map.getLength());
        for (int i = 0; i < map.getLength(); i++) {
            Attr attribute = (Attr) map.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                attributes.add(attribute);
            }
        }
        attributes.sort(ATTRIBUTE_ORDER);
        return attributes;
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '{' -> out.append("&#123;");
                case '}' -> out.append("&#125;");
                default -> out.append(c);
            }
        }
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
