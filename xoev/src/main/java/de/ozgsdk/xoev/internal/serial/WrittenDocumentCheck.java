package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.xoev.internal.xml.Pool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Validates a document the serializer has just written, reporting every violation with line, column and element
 * path. The JDK validator parses the bytes itself (through core's hardened SAX parser), which costs about half of
 * feeding it from a StAX reader; a filter between parser and validator keeps the element path for the messages.
 * Thread-safe: validators and parsers are pooled (creating them costs more than the check), one that saw a
 * failure is dropped.
 */
public final class WrittenDocumentCheck {

    private static final int POOL_SIZE = 32;

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
