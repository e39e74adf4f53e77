package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.xoev.internal.xml.NamespaceBinding;
import de.ozgsdk.xoev.internal.xml.SaxReportingReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * A StAX reader that validates the element it starts at while someone (JAXB) reads it, and knows the path of element
 * names down to where it is ({@code /nachrichtenkopf/autor}).
 *
 * <p>JAXB's own schema validation stops at the first error; this reader feeds every event it passes on to a
 * {@link ValidatorHandler} whose errors the {@link ViolationCollector} records while reading goes on, so the caller
 * gets all violations of a document in one pass, with line and column of the underlying reader. An element stays on
 * the path while the reader is on its end tag, where the validator reports incomplete content and wrong values.
 */
public final class ValidatingReader extends SaxReportingReader {

    private final ValidatorHandler validator;
    private final Deque<String> path = new ArrayDeque<>();
    private boolean popBeforeNext;
    private int depth;
    private boolean started;

    /**
     * @param reader    positioned at a start element, which is validated as if it were a document's root
     * @param handler   from {@link #newHandler(Schema)}, idle (reusable after a document it saw to its end), or
     *                  {@code null} to only track the path
     * @param collector receives the violations
     */
    public ValidatingReader(XMLStreamReader reader, ValidatorHandler handler, ViolationCollector collector) {
        super(reader);
        this.validator = handler;
        if (handler != null) {
            handler.setErrorHandler(collector);
        }
        collector.readingAt(this::path);
        if (validator != null) {
            validator.setDocumentLocator(this);
            feed(validator::startDocument);
        }
        reportStartElement();
    }

    /** A validator handler for {@code schema} that loads nothing on behalf of a document; not thread-safe. */
    public static ValidatorHandler newHandler(Schema schema) {
        ValidatorHandler handler = schema.newValidatorHandler();
        try {
            // Nothing may be loaded on behalf of the document (xsi:schemaLocation hints are ignored anyway, since the
            // schema was compiled from sources, but the restriction makes it explicit).
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's validator refused the access restriction", e);
        }
        return handler;
    }

    @Override
    public int next() throws XMLStreamException {
        if (depth > 0 && popBeforeNext) {
            path.pollLast();
            popBeforeNext = false;
        }
        return super.next();
    }

    /** Past the element this reader validates, a fragment's reader goes on in the caller's document unreported. */
    @Override
    protected boolean reporting() {
        return depth > 0;
    }

    /** Whether the validated element has ended, so that the validator saw a whole document and may be reused. */
    public boolean finished() {
        return depth == 0 && started;
    }

    /** The current path, e.g. {@code /nachrichtenkopf/autor}. */
    public Optional<String> path() {
        return path(path);
    }

    /** The element names joined as a path, e.g. {@code /nachrichtenkopf/autor}; empty for none. */
    static Optional<String> path(Deque<String> names) {
        if (names.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        names.forEach(step -> text.append('/').append(step));
        return Optional.of(text.toString());
    }

    @Override
    protected void startElement(String uri, String localName, String qName, Attributes attributes,
            List<NamespaceBinding> bindings) {
        path.addLast(localName);
        depth++;
        started = true;
        feed(() -> {
            for (NamespaceBinding binding : bindings) {
                validator.startPrefixMapping(binding.prefix(), binding.uri());
            }
            validator.startElement(uri, localName, qName, attributes);
        });
    }

    @Override
    protected void endElement(String uri, String localName, String qName, List<NamespaceBinding> bindings) {
        popBeforeNext = true;
        depth--;
        feed(() -> {
            validator.endElement(uri, localName, qName);
            for (NamespaceBinding binding : bindings) {
                validator.endPrefixMapping(binding.prefix());
            }
            if (depth == 0) {
                validator.endDocument();
            }
        });
    }

    @Override
    protected void characters(char[] text, int start, int length) {
        feed(() -> validator.characters(text, start, length));
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
}
