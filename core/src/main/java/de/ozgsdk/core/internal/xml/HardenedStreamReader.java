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
 *
 * <p>It also counts the characters of text content as the events pass: the JDK's reader hands a long text node over
 * in chunks of a few kilobytes (it is not coalescing), so a text node longer than {@code maxTextLength}, or more text
 * than {@code maxTotalCharacters} in the document, is refused before a consumer can gather it in memory. A text run
 * counts from one element tag to the next, across comments and CDATA sections, because consumers join those.
 */
final class HardenedStreamReader extends StreamReaderDelegate {

    private final String systemId;
    private final long maxTextLength;
    private final long maxTotalCharacters;
    private final int maxNameLength;
    private long textRun;
    private long totalCharacters;

    /** @param maxNameLength checked here for implementations without such a limit; 0 leaves it to the parser */
    HardenedStreamReader(XMLStreamReader reader, String systemId, long maxTextLength, long maxTotalCharacters,
                         int maxNameLength) {
        super(reader);
        this.systemId = systemId;
        this.maxTextLength = maxTextLength;
        this.maxTotalCharacters = maxTotalCharacters;
        this.maxNameLength = maxNameLength;
    }

    @Override
    public int next() {
        int event;
        try {
            event = super.next();
        } catch (XMLStreamException | RuntimeException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT, getLocation());
        }
        if (event == XMLStreamConstants.DTD) {
            throw XmlFailures.dtdRefused(systemId, getLocation());
        }
        count(event);
        return event;
    }

    private void count(int event) {
        switch (event) {
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                int length = getTextLength();
                textRun += length;
                totalCharacters += length;
                if (textRun > maxTextLength) {
                    throw XmlFailures.textTooLong(systemId, getLocation(), maxTextLength);
                }
                if (totalCharacters > maxTotalCharacters) {
                    throw XmlFailures.tooManyCharacters(systemId, getLocation(), maxTotalCharacters);
                }
            }
            case XMLStreamConstants.START_ELEMENT -> {
                textRun = 0;
                checkNames();
            }
            case XMLStreamConstants.END_ELEMENT -> textRun = 0;
            default -> {
                // comments and processing instructions neither end nor extend a text run
            }
        }
    }

    /** Skips like the JDK does, but through {@link #next()}, so that a DOCTYPE cannot pass unchecked. */
    @Override
    public int nextTag() {
        int event = next();
        while (isIgnorable(event)) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw malformed("expected start or end tag.");
        }
        return event;
    }

    private InvalidInputException malformed(String detail) {
        return new InvalidInputException(XmlError.MALFORMED, systemId,
                XmlFailures.number(getLocation().getLineNumber()),
                XmlFailures.number(getLocation().getColumnNumber()), detail);
    }

    @Override
    public boolean hasNext() {
        try {
            return super.hasNext();
        } catch (XMLStreamException | RuntimeException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
        }
    }

    private void checkNames() {
        if (maxNameLength == 0) {
            return;
        }
        int longest = getLocalName().length();
        for (int i = 0; i < getAttributeCount(); i++) {
            longest = Math.max(longest, getAttributeLocalName(i).length());
        }
        if (longest > maxNameLength) {
            throw new InvalidInputException(XmlError.LIMIT_EXCEEDED, systemId,
                    XmlFailures.number(getLocation().getLineNumber()),
                    XmlFailures.number(getLocation().getColumnNumber()),
                    "a name is longer than " + maxNameLength + " characters.");
        }
    }

    /**
     * As specified by {@link XMLStreamReader#getElementText()}, but through {@link #next()}: the JDK's own version
     * reads the whole text with its internal reader, past the limits.
     */
    @Override
    public String getElementText() {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw malformed("getElementText() needs a start tag.");
        }
        StringBuilder text = new StringBuilder();
        int event = next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE ->
                        text.append(getTextCharacters(), getTextStart(), getTextLength());
                case XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.COMMENT -> {
                    // not part of the text
                }
                case XMLStreamConstants.START_ELEMENT -> throw malformed("expected text only, found a start tag.");
                default -> throw malformed("expected text only, found the end of the document.");
            }
            event = next();
        }
        return text.toString();
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
