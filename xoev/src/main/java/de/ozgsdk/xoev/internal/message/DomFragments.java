package de.ozgsdk.xoev.internal.message;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/** Moves one element with its subtree between StAX and DOM, namespace declarations included. */
public final class DomFragments {

    private static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

    private DomFragments() {
    }

    /**
     * Reads the element at the reader's current start tag into a new document and leaves the reader on its end tag.
     *
     * @param maxChars limit for the text and attribute characters of the subtree
     * @throws LimitExceeded when the subtree holds more than {@code maxChars} characters
     */
    public static Element read(XMLStreamReader reader, DocumentBuilder builder, long maxChars)
            throws XMLStreamException, LimitExceeded {
        Document document = builder.newDocument();
        Node parent = document;
        long chars = 0;
        int depth = 0;
        int event = XMLStreamConstants.START_ELEMENT;
        while (true) {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Element element = startElement(reader, document);
                    chars += attributeChars(element);
                    parent.appendChild(element);
                    parent = element;
                    depth++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth == 0) {
                        return document.getDocumentElement();
                    }
                    parent = parent.getParentNode();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    chars += reader.getTextLength();
                    appendText(parent, reader.getText());
                }
                case XMLStreamConstants.CDATA -> {
                    chars += reader.getTextLength();
                    parent.appendChild(document.createCDATASection(reader.getText()));
                }
                default -> {
                    // comments and processing instructions are not part of the Fachdaten
                }
            }
            if (chars > maxChars) {
                throw new LimitExceeded(maxChars);
            }
            event = reader.next();
        }
    }

    /** Joins text the reader delivers in chunks into one node, as a DOM parser does. */
    private static void appendText(Node parent, String text) {
        Node last = parent.getLastChild();
        if (last != null && last.getNodeType() == Node.TEXT_NODE) {
            ((Text) last).appendData(text);
        } else {
            parent.appendChild(parent.getOwnerDocument().createTextNode(text));
        }
    }

    private static Element startElement(XMLStreamReader reader, Document document) {
        String uri = emptyToNull(reader.getNamespaceURI());
        Element element = document.createElementNS(uri, qName(reader.getPrefix(), reader.getLocalName()));
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            String name = prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
            element.setAttributeNS(XMLNS, name, nullToEmpty(reader.getNamespaceURI(i)));
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            element.setAttributeNS(emptyToNull(reader.getAttributeNamespace(i)),
                    qName(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)),
                    reader.getAttributeValue(i));
        }
        return element;
    }

    private static long attributeChars(Element element) {
        long chars = 0;
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            chars += attributes.item(i).getNodeValue().length();
        }
        return chars;
    }

    /** Writes {@code element} and its subtree, declaring every namespace it uses that is not in scope. */
    public static void write(Element element, XMLStreamWriter writer) throws XMLStreamException {
        String prefix = nullToEmpty(element.getPrefix());
        String uri = nullToEmpty(element.getNamespaceURI());
        writer.writeStartElement(prefix, localName(element), uri);
        NamedNodeMap attributes = element.getAttributes();
        boolean elementDeclared = false;
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (XMLNS.equals(attribute.getNamespaceURI())) {
                String declared = "xmlns".equals(attribute.getName()) ? "" : attribute.getLocalName();
                writer.writeNamespace(declared, attribute.getValue());
                writer.setPrefix(declared, attribute.getValue());
                elementDeclared |= declared.equals(prefix);
            }
        }
        if (!elementDeclared && !uri.equals(nullToEmpty(writer.getNamespaceContext().getNamespaceURI(prefix)))) {
            writer.writeNamespace(prefix, uri);
            writer.setPrefix(prefix, uri);
        }
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!XMLNS.equals(attribute.getNamespaceURI())) {
                writeAttribute(attribute, writer);
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> write((Element) child, writer);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> writer.writeCharacters(child.getNodeValue());
                default -> {
                    // comments and processing instructions are not carried
                }
            }
        }
        writer.writeEndElement();
    }

    private static void writeAttribute(Attr attribute, XMLStreamWriter writer) throws XMLStreamException {
        String uri = attribute.getNamespaceURI();
        if (uri == null || uri.isEmpty()) {
            writer.writeAttribute(localName(attribute), attribute.getValue());
            return;
        }
        String prefix = nullToEmpty(attribute.getPrefix());
        if (!uri.equals(writer.getNamespaceContext().getNamespaceURI(prefix))) {
            writer.writeNamespace(prefix, uri);
            writer.setPrefix(prefix, uri);
        }
        writer.writeAttribute(prefix, uri, localName(attribute), attribute.getValue());
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static String qName(String prefix, String localName) {
        return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The subtree is larger than allowed. */
    public static final class LimitExceeded extends Exception {
        private static final long serialVersionUID = 1L;

        LimitExceeded(long maxChars) {
            super("more than " + maxChars + " characters");
        }
    }
}
