package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.xoev.internal.xml.Pool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Validates a document the serializer has just written, reporting every violation with line, column and element
 * path. A valid document (the common case) costs one plain JDK validation of the bytes; only a document with a
 * finding is checked again in full: the validator then parses through core's hardened SAX parser with a filter in
 * between that keeps the element path for the messages (both ways cost about half of feeding it from StAX).
 * Thread-safe: validators and parsers are pooled (creating them costs more than the check), one that saw a
 * failure is dropped.
 */
public final class WrittenDocumentCheck {

    private static final int POOL_SIZE = 32;
    /** Throws at the first finding of any severity: the quick check only asks whether there is one. */
    private static final ErrorHandler FIRST_FINDING_STOPS = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private final Pool<Validator> validators;
    private final Pool<PathFilter> parsers;

    public WrittenDocumentCheck(Schema schema, SecureXml xml) {
        this.validators = new Pool<>(POOL_SIZE, () -> xml.newValidator(schema));
        this.parsers = new Pool<>(POOL_SIZE, () -> {
            PathFilter filter = new PathFilter();
            filter.setParent(xml.newXmlReader());
            return filter;
        });
    }

    /**
     * Checks {@code document}; violations go to {@code collector}.
     *
     * @throws ViolationCollector.Stop when the collector stopped the check (fatal error, too many violations)
     * @throws IOException             never for bytes in memory; declared by the validator
     */
    public void check(byte[] document, String systemId, ViolationCollector collector) throws IOException {
        if (passesQuickly(document)) {
            return;
        }
        PathFilter filter = parsers.take();
        filter.path.clear();
        collector.readingAt(filter::path);
        Validator validator = validators.take();
        validator.setErrorHandler(collector);
        InputSource input = new InputSource(new ByteArrayInputStream(document));
        input.setSystemId(systemId);
        try {
            validator.validate(new SAXSource(filter, input));
        } catch (SAXException e) {
            throw new ViolationCollector.Stop(e);
        }
        validator.setErrorHandler(null);
        validators.give(validator);
        parsers.give(filter);
    }

    /**
     * The common case, a valid document, checked the cheapest way: the validator parses the bytes (the serializer's
     * own output, no DTD) without a filter and stops at the first finding; only then the full check runs to collect
     * every violation with its path. No system id here: the JDK tries to resolve one that is not a URI (a class
     * name) and that alone cost a third of the check (JMH).
     */
    private boolean passesQuickly(byte[] document) throws IOException {
        Validator validator = validators.take();
        validator.setErrorHandler(FIRST_FINDING_STOPS);
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
            return false;
        }
        validator.setErrorHandler(null);
        validators.give(validator);
        return true;
    }

    /** Passes every event on and keeps the path of element names; an element stays on it through its end tag. */
    private static final class PathFilter extends XMLFilterImpl {
        private final Deque<String> path = new ArrayDeque<>();

        Optional<String> path() {
            return ValidatingReader.path(path);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            path.addLast(localName);
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            path.pollLast();
        }
    }
}
