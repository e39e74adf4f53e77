package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.xoev.internal.xml.XmlChars;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Passes everything to the caller's StAX writer, refusing text and attribute values with characters XML 1.0 does not
 * allow (a StAX writer writes them as they are). Used for fragments, where JAXB writes through the caller's writer
 * and its own escaping does not apply. Start and end of the document are the caller's, so they are not passed on.
 */
public final class CheckingStreamWriter implements XMLStreamWriter {

    private final XMLStreamWriter out;

    public CheckingStreamWriter(XMLStreamWriter out) {
        this.out = out;
    }

    private static String checked(String text) throws XMLStreamException {
        if (text != null) {
            int illegal = XmlChars.firstIllegal(text);
            if (illegal >= 0) {
                throw new XMLStreamException(new IllegalXmlCharacterException(XmlChars.hex(text, illegal)));
            }
        }
        return text;
    }

    @Override
    public void writeStartElement(String localName) throws XMLStreamException {
        out.writeStartElement(localName);
    }

    @Override
    public void writeStartElement(String namespaceUri, String localName) throws XMLStreamException {
        out.writeStartElement(namespaceUri, localName);
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceUri) throws XMLStreamException {
        out.writeStartElement(prefix, localName, namespaceUri);
    }

    @Override
    public void writeEmptyElement(String namespaceUri, String localName) throws XMLStreamException {
        out.writeEmptyElement(namespaceUri, localName);
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceUri) throws XMLStreamException {
        out.writeEmptyElement(prefix, localName, namespaceUri);
    }

    @Override
    public void writeEmptyElement(String localName) throws XMLStreamException {
        out.writeEmptyElement(localName);
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        out.writeEndElement();
    }

    @Override
    public void writeEndDocument() {
        // the caller's document goes on after the fragment
    }

    @Override
    public void close() {
        // the caller's writer stays open
    }

    @Override
    public void flush() throws XMLStreamException {
        out.flush();
    }

    @Override
    public void writeAttribute(String localName, String value) throws XMLStreamException {
        out.writeAttribute(localName, checked(value));
    }

    @Override
    public void writeAttribute(String prefix, String namespaceUri, String localName, String value)
            throws XMLStreamException {
        out.writeAttribute(prefix, namespaceUri, localName, checked(value));
    }

    @Override
    public void writeAttribute(String namespaceUri, String localName, String value) throws XMLStreamException {
        out.writeAttribute(namespaceUri, localName, checked(value));
    }

    @Override
    public void writeNamespace(String prefix, String namespaceUri) throws XMLStreamException {
        out.writeNamespace(prefix, namespaceUri);
    }

    @Override
    public void writeDefaultNamespace(String namespaceUri) throws XMLStreamException {
        out.writeDefaultNamespace(namespaceUri);
    }

    @Override
    public void writeComment(String data) throws XMLStreamException {
        out.writeComment(checked(data));
    }

    @Override
    public void writeProcessingInstruction(String target) throws XMLStreamException {
        out.writeProcessingInstruction(target);
    }

    @Override
    public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
        out.writeProcessingInstruction(target, checked(data));
    }

    @Override
    public void writeCData(String data) throws XMLStreamException {
        out.writeCData(checked(data));
    }

    @Override
    public void writeDTD(String dtd) throws XMLStreamException {
        throw new XMLStreamException("a fragment must not contain a DTD");
    }

    @Override
    public void writeEntityRef(String name) throws XMLStreamException {
        out.writeEntityRef(name);
    }

    @Override
    public void writeStartDocument() {
        // the caller's document has started already
    }

    @Override
    public void writeStartDocument(String version) {
        // the caller's document has started already
    }

    @Override
    public void writeStartDocument(String encoding, String version) {
        // the caller's document has started already
    }

    @Override
    public void writeCharacters(String text) throws XMLStreamException {
        out.writeCharacters(checked(text));
    }

    @Override
    public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
        int illegal = XmlChars.firstIllegal(java.nio.CharBuffer.wrap(text, start, len));
        if (illegal >= 0) {
            throw new XMLStreamException(new IllegalXmlCharacterException(
                    String.format("%04X", (int) text[start + illegal])));
        }
        out.writeCharacters(text, start, len);
    }

    @Override
    public String getPrefix(String uri) throws XMLStreamException {
        return out.getPrefix(uri);
    }

    @Override
    public void setPrefix(String prefix, String uri) throws XMLStreamException {
        out.setPrefix(prefix, uri);
    }

    @Override
    public void setDefaultNamespace(String uri) throws XMLStreamException {
        out.setDefaultNamespace(uri);
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) throws XMLStreamException {
        out.setNamespaceContext(context);
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return out.getNamespaceContext();
    }

    @Override
    public Object getProperty(String name) {
        return out.getProperty(name);
    }
}
