package de.ozgsdk.core.internal.xml;

import javax.xml.transform.ErrorListener;
import javax.xml.transform.TransformerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Reports parse and validation errors by throwing them, instead of the JDK default of printing to stderr and
 * (for recoverable errors) carrying on.
 */
enum StrictErrorHandler implements ErrorHandler, ErrorListener {
    /** Throws on errors and fatal errors; warnings are logged at debug level. */
    INSTANCE(false),
    /** Throws on warnings too: for schema compilation, where a warning means a part of the schema was not loaded. */
    INCLUDING_WARNINGS(true);

    private static final Logger LOG = LoggerFactory.getLogger(StrictErrorHandler.class);

    private final boolean failOnWarning;

    StrictErrorHandler(boolean failOnWarning) {
        this.failOnWarning = failOnWarning;
    }

    @Override
    public void warning(SAXParseException exception) throws SAXParseException {
        if (failOnWarning) {
            throw exception;
        }
        LOG.debug("XML warning at line {}, column {}", exception.getLineNumber(), exception.getColumnNumber());
    }

    @Override
    public void error(SAXParseException exception) throws SAXParseException {
        throw exception;
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXParseException {
        throw exception;
    }

    @Override
    public void warning(TransformerException exception) throws TransformerException {
        if (failOnWarning) {
            throw exception;
        }
        LOG.debug("XSLT warning: {}", exception.getMessageAndLocation());
    }

    @Override
    public void error(TransformerException exception) throws TransformerException {
        throw exception;
    }

    @Override
    public void fatalError(TransformerException exception) throws TransformerException {
        throw exception;
    }
}
