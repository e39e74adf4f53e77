package de.ozgsdk.xoev.internal.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.AttributesImpl;

/**
 * A StAX reader that reports every event its consumer pulls in the shape SAX gives them (qualified names, attributes,
 * the namespace bindings of each element, the reader's position as a {@link Locator}), so that a subclass can feed a
 * {@code javax.xml.validation.ValidatorHandler} while someone else (JAXB, a DOM builder, the caller) reads.
 *
 * <p>{@code getElementText} and {@code nextTag} are re-implemented on top of {@link #next()}, because the JDK's
 * versions advance the underlying reader without passing through it.
 */
public abstract class SaxReportingReader extends StreamReaderDelegate implements Locator {

    private final Deque<List<NamespaceBinding>> openBindings = new ArrayDeque<>();

    protected SaxReportingReader(XMLStreamReader reader) {
        super(reader);
    }

    /** Whether the event that the next call of {@link #next()} moves to is reported; by default all are. */
    protected boolean reporting() {
        return true;
    }

    /** A start tag, with the namespaces it declares. */
    protected abstract void startElement(String uri, String localName, String qName, Attributes attributes,
            List<NamespaceBinding> bindings);

    /** An end tag, with the namespaces its start tag declared (which go out of scope now). */
    protected abstract void endElement(String uri, String localName, String qName, List<NamespaceBinding> bindings);

    /** Text, CDATA or ignorable white space. */
    protected abstract void characters(char[] text, int start, int length);

    /** The end of the document; nothing by default. */
    protected void endDocument() {
    }

    @Override
    public int next() throws XMLStreamException {
        boolean report = reporting();
        int event = super.next();
        if (!report) {
            return event;
        }
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> reportStartElement();
            case XMLStreamConstants.END_ELEMENT -> endElement(nullToEmpty(getNamespaceURI()), getLocalName(),
                    qName(getPrefix(), getLocalName()), openBindings.pop());
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    characters(getTextCharacters(), getTextStart(), getTextLength());
            case XMLStreamConstants.END_DOCUMENT -> endDocument();
            default -> {
                // comments and processing instructions do not matter to a schema
            }
        }
        return event;
    }

    /** Reports the start tag the reader is on; for a reader created on a start tag, which {@link #next()} never saw. */
    protected final void reportStartElement() {
        List<NamespaceBinding> declared = new ArrayList<>(getNamespaceCount());
        for (int i = 0; i < getNamespaceCount(); i++) {
            declared.add(new NamespaceBinding(nullToEmpty(getNamespacePrefix(i)), nullToEmpty(getNamespaceURI(i))));
        }
        AttributesImpl attributes = new AttributesImpl();
        for (int i = 0; i < getAttributeCount(); i++) {
            // SecureXml refuses DTDs, so there are no attribute declarations and every attribute is CDATA.
            attributes.addAttribute(nullToEmpty(getAttributeNamespace(i)), getAttributeLocalName(i),
                    qName(getAttributePrefix(i), getAttributeLocalName(i)), "CDATA", getAttributeValue(i));
        }
        openBindings.push(declared);
        startElement(nullToEmpty(getNamespaceURI()), getLocalName(), qName(getPrefix(), getLocalName()), attributes,
                declared);
    }

    private static String qName(String prefix, String localName) {
        return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException("not at a start tag", getLocation());
        }
        StringBuilder text = new StringBuilder();
        int event = next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(getTextCharacters(), getTextStart(), getTextLength());
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // skipped, as the JDK does
                }
                default -> throw new XMLStreamException("text-only element contains markup", getLocation());
            }
            event = next();
        }
        return text.toString();
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE) && isWhiteSpace()) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return event;
    }

    // ---- Locator: the position of the current event, for the validator's messages -----------------------------------

    @Override
    public String getPublicId() {
        Location location = getLocation();
        return location == null ? null : location.getPublicId();
    }

    @Override
    public String getSystemId() {
        Location location = getLocation();
        return location == null ? null : location.getSystemId();
    }

    @Override
    public int getLineNumber() {
        Location location = getLocation();
        return location == null ? -1 : location.getLineNumber();
    }

    @Override
    public int getColumnNumber() {
        Location location = getLocation();
        return location == null ? -1 : location.getColumnNumber();
    }
}
