package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.xoev.internal.xml.DelegatingStreamWriter;
import de.ozgsdk.xoev.internal.xml.NamespaceBinding;
import de.ozgsdk.xoev.message.MessageError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.xml.sax.helpers.AttributesImpl;

/**
 * An {@link XMLStreamWriter} that writes through to the real writer and reports the same content to a
 * {@link SchemaCheck} (when validation is on), and that keeps a caller's fragment inside its element: a fragment
 * may not end elements it did not start, nor write a document start or end, a DTD or an entity reference.
 *
 * <p>A start tag is reported to the check when its attributes and namespace declarations are complete, that is at
 * the next event, because they are written after {@code writeStartElement}.
 */
public final class CheckedStreamWriter extends DelegatingStreamWriter {

    private final SchemaCheck check;
    private final Deque<Open> open = new ArrayDeque<>();
    private Pending pending;
    private int fragmentBase = -1;
    private int fragmentRoots;

    private record Open(String uri, String localName, String qName, List<NamespaceBinding> bindings) {
    }

    private static final class Pending {
        private final String prefix;
        private final String localName;
        private final String uri;
        private final boolean empty;
        private final AttributesImpl attributes = new AttributesImpl();
        private final List<NamespaceBinding> bindings = new ArrayList<>();

        Pending(String prefix, String localName, String uri, boolean empty) {
            this.prefix = prefix;
            this.localName = localName;
            this.uri = uri;
            this.empty = empty;
        }
    }

    /**
     * @param out   the writer of the message
     * @param check receives the content, or {@code null} when validation is off
     */
    public CheckedStreamWriter(XMLStreamWriter out, SchemaCheck check) {
        super(out);
        this.check = check;
    }

    /** Starts a caller's fragment at the current depth. */
    public void beginFragment() throws XMLStreamException {
        emitPending();
        fragmentBase = open.size();
        fragmentRoots = 0;
    }

    /**
     * Ends the caller's fragment, which must have written exactly one element (the Fachdaten of message {@code id}).
     *
     * @throws InvalidInputException with {@link MessageError#FACHDATEN_MISSING} if it wrote none, several, or left
     *                               elements open
     */
    public void endFragment(String id) throws XMLStreamException {
        emitPending();
        boolean closed = open.size() == fragmentBase;
        fragmentBase = -1;
        if (!closed) {
            throw new InvalidInputException(MessageError.FACHDATEN_MISSING, id, "the fragment left elements open");
        }
        if (fragmentRoots != 1) {
            throw new InvalidInputException(MessageError.FACHDATEN_MISSING, id,
                    "the fragment wrote " + fragmentRoots + " elements");
        }
    }

    /** Finishes the current start tag, so that the next bytes written to the stream below go into the element. */
    public void closeStartTag() throws XMLStreamException {
        emitPending();
        out.writeCharacters("");
    }

    private boolean inFragment() {
        return fragmentBase >= 0;
    }

    private void start(String prefix, String localName, String uri, boolean empty) throws XMLStreamException {
        emitPending();
        if (inFragment() && open.size() == fragmentBase) {
            fragmentRoots++;
        }
        pending = new Pending(prefix, localName, uri, empty);
    }

    private void emitPending() throws XMLStreamException {
        if (pending == null) {
            return;
        }
        Pending element = pending;
        pending = null;
        String uri = element.uri;
        String prefix = element.prefix;
        if (uri == null) {
            // writeStartElement(localName): the element is in the default namespace, possibly declared after it.
            uri = nullToEmpty(out.getNamespaceContext().getNamespaceURI(""));
            prefix = "";
        } else if (prefix == null) {
            prefix = nullToEmpty(out.getPrefix(uri));
        }
        String qName = prefix.isEmpty() ? element.localName : prefix + ":" + element.localName;
        Open opened = new Open(uri, element.localName, qName, List.copyOf(element.bindings));
        if (check != null) {
            check.startElement(uri, element.localName, qName, element.attributes, opened.bindings());
        }
        if (element.empty) {
            if (check != null) {
                check.endElement(uri, element.localName, qName, opened.bindings());
            }
        } else {
            open.push(opened);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private void refuseInFragment(String what) throws XMLStreamException {
        if (inFragment()) {
            throw new XMLStreamException("a Fachdaten fragment must not write " + what);
        }
    }

    @Override
    public void writeStartElement(String localName) throws XMLStreamException {
        out.writeStartElement(localName);
        start(null, localName, null, false);
    }

    @Override
    public void writeStartElement(String namespaceURI, String localName) throws XMLStreamException {
        out.writeStartElement(namespaceURI, localName);
        start(null, localName, namespaceURI, false);
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        out.writeStartElement(prefix, localName, namespaceURI);
        start(prefix, localName, namespaceURI, false);
    }

    @Override
    public void writeEmptyElement(String namespaceURI, String localName) throws XMLStreamException {
        out.writeEmptyElement(namespaceURI, localName);
        start(null, localName, namespaceURI, true);
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        out.writeEmptyElement(prefix, localName, namespaceURI);
        start(prefix, localName, namespaceURI, true);
    }

    @Override
    public void writeEmptyElement(String localName) throws XMLStreamException {
        out.writeEmptyElement(localName);
        start(null, localName, null, true);
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        emitPending();
        if (open.isEmpty() || inFragment() && open.size() <= fragmentBase) {
            throw new XMLStreamException("end of an element that was not started here");
        }
        Open element = open.pop();
        out.writeEndElement();
        if (check != null) {
            check.endElement(element.uri(), element.localName(), element.qName(), element.bindings());
        }
    }

    @Override
    public void writeEndDocument() throws XMLStreamException {
        refuseInFragment("a document end");
        while (!open.isEmpty() || pending != null) {
            writeEndElement();
        }
        out.writeEndDocument();
        if (check != null) {
            check.endDocument();
        }
    }

    @Override
    public void close() throws XMLStreamException {
        refuseInFragment("close");
        out.close();
    }

    @Override
    public void writeAttribute(String localName, String value) throws XMLStreamException {
        out.writeAttribute(localName, value);
        attribute("", "", localName, value);
    }

    @Override
    public void writeAttribute(String prefix, String namespaceURI, String localName, String value)
            throws XMLStreamException {
        out.writeAttribute(prefix, namespaceURI, localName, value);
        attribute(prefix, namespaceURI, localName, value);
    }

    @Override
    public void writeAttribute(String namespaceURI, String localName, String value) throws XMLStreamException {
        out.writeAttribute(namespaceURI, localName, value);
        attribute(nullToEmpty(out.getPrefix(namespaceURI)), namespaceURI, localName, value);
    }

    private void attribute(String prefix, String uri, String localName, String value) throws XMLStreamException {
        if (pending == null) {
            throw new XMLStreamException("attribute outside of a start tag");
        }
        String qName = prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
        pending.attributes.addAttribute(nullToEmpty(uri), localName, qName, "CDATA", value);
    }

    @Override
    public void writeNamespace(String prefix, String namespaceURI) throws XMLStreamException {
        if (prefix == null || prefix.isEmpty() || "xmlns".equals(prefix)) {
            writeDefaultNamespace(namespaceURI);
            return;
        }
        out.writeNamespace(prefix, namespaceURI);
        if (pending != null) {
            pending.bindings.add(new NamespaceBinding(prefix, namespaceURI));
        }
    }

    @Override
    public void writeDefaultNamespace(String namespaceURI) throws XMLStreamException {
        out.writeDefaultNamespace(namespaceURI);
        if (pending != null) {
            pending.bindings.add(new NamespaceBinding("", namespaceURI));
        }
    }

    @Override
    public void writeComment(String data) throws XMLStreamException {
        emitPending();
        out.writeComment(data);
    }

    @Override
    public void writeProcessingInstruction(String target) throws XMLStreamException {
        emitPending();
        out.writeProcessingInstruction(target);
    }

    @Override
    public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
        emitPending();
        out.writeProcessingInstruction(target, data);
    }

    @Override
    public void writeCData(String data) throws XMLStreamException {
        emitPending();
        out.writeCData(data);
        report(data.toCharArray(), 0, data.length());
    }

    @Override
    public void writeDTD(String dtd) throws XMLStreamException {
        throw new XMLStreamException("application messages have no DTD");
    }

    @Override
    public void writeEntityRef(String name) throws XMLStreamException {
        throw new XMLStreamException("application messages have no entity references");
    }

    @Override
    public void writeStartDocument() throws XMLStreamException {
        refuseInFragment("a document start");
        out.writeStartDocument();
        startDocument();
    }

    @Override
    public void writeStartDocument(String version) throws XMLStreamException {
        refuseInFragment("a document start");
        out.writeStartDocument(version);
        startDocument();
    }

    @Override
    public void writeStartDocument(String encoding, String version) throws XMLStreamException {
        refuseInFragment("a document start");
        out.writeStartDocument(encoding, version);
        startDocument();
    }

    private void startDocument() {
        if (check != null) {
            check.startDocument();
        }
    }

    @Override
    public void writeCharacters(String text) throws XMLStreamException {
        emitPending();
        out.writeCharacters(text);
        report(text.toCharArray(), 0, text.length());
    }

    @Override
    public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
        emitPending();
        out.writeCharacters(text, start, len);
        report(text, start, len);
    }

    private void report(char[] text, int start, int length) {
        if (check != null && length > 0) {
            check.characters(text, start, length);
        }
    }
}
