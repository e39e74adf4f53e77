package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.XmlError;
import de.ozgsdk.xoev.internal.xml.NamespaceBinding;
import de.ozgsdk.xoev.message.MessageError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;

/**
 * Validates a message from events pushed by the writer or the reader through a {@link ValidatorHandler}, so that the
 * message is never parsed twice and attachment content can be left out of the event stream (a
 * {@code javax.xml.validation.Validator} would buffer the whole text of an {@code xs:base64Binary} element to check
 * it). The first violation ends the check with {@link MessageError#NOT_SCHEMA_VALID}, naming line, column, the
 * element path and the rule id of the schema processor, never the value.
 */
public final class SchemaCheck {

    private static final Pattern RULE = Pattern.compile("^([A-Za-z][A-Za-z0-9.\\-]*):");

    private final ValidatorHandler handler;
    private String systemId = "?";
    private final Deque<String> path = new ArrayDeque<>();
    private Locator locator;

    /** A check of documents against {@code schema}; reusable for one document after another. */
    public SchemaCheck(Schema schema) {
        this.handler = schema.newValidatorHandler();
        refuseExternalAccess(XMLConstants.ACCESS_EXTERNAL_DTD);
        refuseExternalAccess(XMLConstants.ACCESS_EXTERNAL_SCHEMA);
        handler.setErrorHandler(new Throwing());
    }

    private void refuseExternalAccess(String property) {
        try {
            handler.setProperty(property, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new ConfigurationException(XmlError.HARDENING_UNSUPPORTED, e, property,
                    "ValidatorHandler");
        }
    }

    /** Starts the check of the next document, named {@code systemId} in errors. */
    public SchemaCheck begin(String systemId) {
        this.systemId = systemId;
        this.locator = null;
        path.clear();
        return this;
    }

    /** Reports line and column of the events (the reader's position); without it they show as "?". */
    public void locator(Locator locator) {
        this.locator = locator;
        handler.setDocumentLocator(locator);
    }

    public void startDocument() {
        run(handler::startDocument);
    }

    public void endDocument() {
        run(handler::endDocument);
    }

    public void startElement(String uri, String localName, String qName, Attributes attributes,
            List<NamespaceBinding> bindings) {
        path.addLast(localName);
        run(() -> {
            for (NamespaceBinding binding : bindings) {
                handler.startPrefixMapping(binding.prefix(), binding.uri());
            }
            handler.startElement(uri, localName, qName, attributes);
        });
    }

    public void endElement(String uri, String localName, String qName, List<NamespaceBinding> bindings) {
        run(() -> {
            handler.endElement(uri, localName, qName);
            for (NamespaceBinding binding : bindings) {
                handler.endPrefixMapping(binding.prefix());
            }
        });
        path.removeLast();
    }

    public void characters(char[] text, int start, int length) {
        run(() -> handler.characters(text, start, length));
    }

    private interface SaxStep {
        void run() throws SAXException;
    }

    private void run(SaxStep step) {
        try {
            step.run();
        } catch (SAXParseException e) {
            throw violation(e, e.getLineNumber(), e.getColumnNumber());
        } catch (SAXException e) {
            throw violation(e, locator == null ? -1 : locator.getLineNumber(),
                    locator == null ? -1 : locator.getColumnNumber());
        }
    }

    private InvalidInputException violation(SAXException e, int line, int column) {
        return new InvalidInputException(MessageError.NOT_SCHEMA_VALID, e, systemId, number(line), number(column),
                "/" + String.join("/", path), rule(e.getMessage()));
    }

    /** The rule id at the start of a schema processor message ({@code cvc-pattern-valid}); the rest may hold values. */
    static String rule(String message) {
        if (message == null) {
            return "?";
        }
        Matcher matcher = RULE.matcher(message);
        return matcher.find() ? matcher.group(1) : "?";
    }

    static String number(int value) {
        return value < 0 ? "?" : Integer.toString(value);
    }

    /** Errors and fatal errors end the check; warnings too, since the SDK treats schema warnings as errors. */
    private static final class Throwing implements ErrorHandler {
        @Override
        public void warning(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}
