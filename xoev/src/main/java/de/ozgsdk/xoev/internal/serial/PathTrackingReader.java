package de.ozgsdk.xoev.internal.serial;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A StAX reader that knows the path of local element names down to where it is, so that a violation can say where
 * it was found ({@code /nachrichtenkopf/autor/behoerdenkennung}). An element stays on the path while the reader is on
 * its end tag, where the validator reports incomplete content and wrong values.
 */
public final class PathTrackingReader extends StreamReaderDelegate {

    private final Deque<String> path = new ArrayDeque<>();
    private boolean popBeforeNext;

    /** @param reader positioned at a start element (which becomes the first path step) or before the root */
    public PathTrackingReader(XMLStreamReader reader) {
        super(reader);
        if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
            path.addLast(reader.getLocalName());
        }
    }

    @Override
    public int next() throws XMLStreamException {
        if (popBeforeNext) {
            path.pollLast();
            popBeforeNext = false;
        }
        int event = super.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            path.addLast(getLocalName());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            popBeforeNext = true;
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
        String text = super.getElementText();
        popBeforeNext = true;
        return text;
    }

    /** The current path, e.g. {@code /nachrichtenkopf/autor}; empty before the root element. */
    public Optional<String> path() {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (Iterator<String> steps = path.iterator(); steps.hasNext(); ) {
            text.append('/').append(steps.next());
        }
        return Optional.of(text.toString());
    }
}
