package de.ozgsdk.xoev.internal.serial;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * A StAX reader that validates the element it starts at while someone (JAXB) reads it, and knows the path of element
 * names down to where it is ({@code /nachrichtenkopf/autor}).
 *
 * <p>JAXB's own schema validation stops at the first error; this reader feeds every event it passes on to a
 * {@link ValidatorHandler} whose errors the {@link ViolationCollector} records while reading goes on, so the caller
 * gets all violations of a document in one pass, with line and column of the underlying reader. An element stays on
 * the path while the reader is on its end tag, where the validator reports incomplete content and wrong values.
 */
public final class ValidatingReader extends StreamReaderDelegate {

    private final ValidatorHandler validator;
    private final Deque<String> path = new ArrayDeque<>();
    private boolean popBeforeNext;
    private int depth;

    /**
     * @param reader    positioned at a start element, which is validated as if it were a document's root
     * @param schema    the schema to validate against, {@code null} to only track the path
     * @param collector receives the violations
     */
    public ValidatingReader(XMLStreamReader reader, Schema schema, ViolationCollector collector) {
        super(reader);
        this.validator = schema == null ? null : newValidator(schema, collector);
        path.addLast(reader.getLocalName());
        depth = 1;
        collector.readingAt(this::path);
        if (validator != null) {
            validator.setDocumentLocator(new ReaderLocator());
            feed(() -> {
                validator.startDocument();
                startElement();
            });
        }
    }

    private static ValidatorHandler newValidator(Schema schema, ViolationCollector collector) {
        ValidatorHandler handler = schema.newValidatorHandler();
        try {
            // Nothing may be loaded on behalf of the document (xsi:schemaLocation hints are ignored anyway, since the
            // schema was compiled from sources, but the restriction makes it explicit).
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's validator refused the access restriction", e);
        }
        handler.setErrorHandler(collector);
        return handler;
    }

    @Override
    public int next() throws XMLStreamException {
        if (depth == 0) {
            // Past the element this reader validates (a fragment's reader goes on in the caller's document).
            return super.next();
        }
        if (popBeforeNext) {
            path.pollLast();
            popBeforeNext = false;
        }
        int event = super.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                path.addLast(getLocalName());
                depth++;
                feed(this::startElement);
            }
            case XMLStreamConstants.END_ELEMENT -> {
                popBeforeNext = true;
                depth--;
                feed(this::endElement);
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                if (depth > 0) {
                    feed(() -> validator.characters(getTextCharacters(), getTextStart(), getTextLength()));
                }
            }
            default -> {
                // comments and processing instructions do not matter to the schema
            }
        }
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace()
                || event == XMLStreamConstants.CDATA && isWhiteSpace()
                || event == XMLStreamConstants.SPACE
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || event == XMLStreamConstants.COMMENT) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected start or end tag", getLocation());
        }
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        // Through next(), so that the text reaches the validator.
        StringBuilder text = new StringBuilder();
        int event = next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("element text expected, found a child element", getLocation());
            }
            event = next();
        }
        return text.toString();
    }

    /** The current path, e.g. {@code /nachrichtenkopf/autor}. */
    public Optional<String> path() {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        path.forEach(step -> text.append('/').append(step));
        return Optional.of(text.toString());
    }

    private void startElement() throws SAXException {
        for (int i = 0; i < getNamespaceCount(); i++) {
            validator.startPrefixMapping(nullToEmpty(getNamespacePrefix(i)), nullToEmpty(getNamespaceURI(i)));
        }
        AttributesImpl attributes = new AttributesImpl();
        for (int i = 0; i < getAttributeCount(); i++) {
            String prefix = nullToEmpty(getAttributePrefix(i));
            String local = getAttributeLocalName(i);
            attributes.addAttribute(nullToEmpty(getAttributeNamespace(i)), local,
                    prefix.isEmpty() ? local : prefix + ":" + local, getAttributeType(i), getAttributeValue(i));
        }
        validator.startElement(nullToEmpty(getNamespaceURI()), getLocalName(), qualifiedName(), attributes);
    }

    private void endElement() throws SAXException {
        validator.endElement(nullToEmpty(getNamespaceURI()), getLocalName(), qualifiedName());
        for (int i = 0; i < getNamespaceCount(); i++) {
            validator.endPrefixMapping(nullToEmpty(getNamespacePrefix(i)));
        }
        if (depth == 0) {
            validator.endDocument();
        }
    }

    private String qualifiedName() {
        String prefix = nullToEmpty(getPrefix());
        return prefix.isEmpty() ? getLocalName() : prefix + ":" + getLocalName();
    }

    @FunctionalInterface
    private interface SaxStep {
        void run() throws SAXException;
    }

    private void feed(SaxStep step) {
        if (validator == null) {
            return;
        }
        try {
            step.run();
        } catch (SAXException e) {
            // The collector throws only to stop (fatal error or too many violations); it has recorded why.
            throw new ViolationCollector.Stop(e);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Hands the validator the underlying reader's position. */
    private final class ReaderLocator implements Locator {
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
}
