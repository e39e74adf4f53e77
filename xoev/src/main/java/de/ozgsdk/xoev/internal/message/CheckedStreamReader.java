package de.ozgsdk.xoev.internal.message;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.xml.sax.Locator;
import org.xml.sax.helpers.AttributesImpl;

/**
 * A StAX reader that reports every event its consumers pull (the reader itself, JAXB, the DOM builder of the
 * Fachdaten) to a {@link SchemaCheck}, except the text of elements whose content the reader decodes itself
 * ({@link #skipText(boolean)}), so that a 270 MB base64 text node is never handed to the schema validator.
 *
 * <p>{@code getElementText} and {@code nextTag} are re-implemented on top of {@link #next()}, because the JDK's
 * versions advance the underlying reader without passing through it.
 */
public final class CheckedStreamReader extends StreamReaderDelegate implements Locator {

    private final SchemaCheck check;
    private final Deque<List<SchemaCheck.Binding>> bindings = new ArrayDeque<>();
    private boolean skipText;

    /** @param check receives the events, or {@code null} when validation is off */
    public CheckedStreamReader(XMLStreamReader reader, SchemaCheck check) {
        super(reader);
        this.check = check;
        if (check != null) {
            check.locator(this);
            check.startDocument();
        }
    }

    /** While on, character events are not reported to the schema check (the caller checks that content itself). */
    public void skipText(boolean skip) {
        this.skipText = skip;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (check == null) {
            return event;
        }
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> reportStart();
            case XMLStreamConstants.END_ELEMENT -> check.endElement(nullToEmpty(getNamespaceURI()), getLocalName(),
                    qName(getPrefix(), getLocalName()), bindings.pop());
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                if (!skipText) {
                    check.characters(getTextCharacters(), getTextStart(), getTextLength());
                }
            }
            case XMLStreamConstants.END_DOCUMENT -> check.endDocument();
            default -> {
                // comments and processing instructions do not matter to the schema
            }
        }
        return event;
    }

    private void reportStart() {
        List<SchemaCheck.Binding> declared = new ArrayList<>(getNamespaceCount());
        for (int i = 0; i < getNamespaceCount(); i++) {
            declared.add(new SchemaCheck.Binding(nullToEmpty(getNamespacePrefix(i)), nullToEmpty(getNamespaceURI(i))));
        }
        AttributesImpl attributes = new AttributesImpl();
        for (int i = 0; i < getAttributeCount(); i++) {
            attributes.addAttribute(nullToEmpty(getAttributeNamespace(i)), getAttributeLocalName(i),
                    qName(getAttributePrefix(i), getAttributeLocalName(i)), "CDATA", getAttributeValue(i));
        }
        bindings.push(declared);
        check.startElement(nullToEmpty(getNamespaceURI()), getLocalName(), qName(getPrefix(), getLocalName()),
                attributes, declared);
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

    // ---- Locator: the position of the current event, for the schema check's messages --------------------------------

    @Override
    public String getPublicId() {
        return null;
    }

    @Override
    public String getSystemId() {
        return null;
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
