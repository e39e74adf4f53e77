package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.xoev.internal.xml.DelegatingStreamWriter;
import de.ozgsdk.xoev.internal.xml.XmlChars;
import java.nio.CharBuffer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Passes everything to the caller's StAX writer, refusing text and attribute values with characters XML 1.0 does not
 * allow (a StAX writer writes them as they are). Used for fragments, where JAXB writes through the caller's writer
 * and its own escaping does not apply. Start and end of the document are the caller's, so they are not passed on.
 */
public final class CheckingStreamWriter extends DelegatingStreamWriter {

    public CheckingStreamWriter(XMLStreamWriter out) {
        super(out);
    }

    private static String checked(String text) throws XMLStreamException {
        if (text != null) {
            checked(text, 0, text.length());
        }
        return text;
    }

    private static void checked(CharSequence text, int start, int end) throws XMLStreamException {
        int illegal = XmlChars.firstIllegal(text, start, end);
        if (illegal >= 0) {
            throw new XMLStreamException(new IllegalXmlCharacterException(XmlChars.hex(text, illegal)));
        }
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
    public void writeComment(String data) throws XMLStreamException {
        out.writeComment(checked(data));
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
        checked(CharBuffer.wrap(text), start, start + len);
        out.writeCharacters(text, start, len);
    }
}
