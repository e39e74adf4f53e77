package de.ozgsdk.core.internal.xml;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.XmlError;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A StAX reader that refuses a DOCTYPE and reports parse errors as SDK exceptions.
 *
 * <p>StAX has no "disallow DOCTYPE" switch: with DTD support off, the JDK skips the DTD and reports it as an event.
 * This reader turns that event into {@link XmlError#DTD_NOT_ALLOWED}, so that StAX refuses the same documents as
 * DOM and SAX. The checked {@link XMLStreamException}s of the reader methods become unchecked SDK exceptions.
 */
final class HardenedStreamReader extends StreamReaderDelegate {

    private final String systemId;

    HardenedStreamReader(XMLStreamReader reader, String systemId) {
        super(reader);
        this.systemId = systemId;
    }

    @Override
    public int next() {
        int event;
        try {
            event = super.next();
        } catch (XMLStreamException | RuntimeException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
        }
        if (event == XMLStreamConstants.DTD) {
            throw XmlFailures.dtdRefused(systemId, getLocation());
        }
        return event;
    }

    /** Skips like the JDK does, but through {@link #next()}, so that a DOCTYPE cannot pass unchecked. */
    @Override
    public int nextTag() {
        int event = next();
        while (isIgnorable(event)) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new InvalidInputException(XmlError.MALFORMED, systemId,
                    XmlFailures.number(getLocation().getLineNumber()),
                    XmlFailures.number(getLocation().getColumnNumber()), "expected start or end tag.");
        }
        return event;
    }

    @Override
    public boolean hasNext() {
        try {
            return super.hasNext();
        } catch (XMLStreamException | RuntimeException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
        }
    }

    @Override
    public String getElementText() {
        try {
            return super.getElementText();
        } catch (XMLStreamException | RuntimeException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } catch (XMLStreamException | RuntimeException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
        }
    }

    private boolean isIgnorable(int event) {
        return switch (event) {
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> isWhiteSpace();
            case XMLStreamConstants.SPACE, XMLStreamConstants.PROCESSING_INSTRUCTION,
                    XMLStreamConstants.COMMENT -> true;
            default -> false;
        };
    }
}
