package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.xoev.SchemaViolation;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventHandler;
import jakarta.xml.bind.ValidationEventLocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Records the schema violations (as SAX {@link ErrorHandler}) and JAXB binding events (as
 * {@link ValidationEventHandler}) of one read or write and lets it go on, so that the caller gets all violations at
 * once; stops at a fatal error or after {@link #MAX_VIOLATIONS}.
 */
public final class ViolationCollector implements ValidationEventHandler, ErrorHandler {

    /** A broken document can yield one violation per element; beyond this many, more do not help anybody. */
    public static final int MAX_VIOLATIONS = 100;

    private final List<SchemaViolation> violations = new ArrayList<>();
    private Supplier<Optional<String>> path = Optional::empty;

    /** Where violations are found from now on (the reader's current element path). */
    void readingAt(Supplier<Optional<String>> path) {
        this.path = path;
    }

    /** JAXB binding events (unknown element, unparseable value). */
    @Override
    public boolean handleEvent(ValidationEvent event) {
        ValidationEventLocator locator = event.getLocator();
        String message = event.getMessage() != null ? event.getMessage()
                : event.getLinkedException() != null ? String.valueOf(event.getLinkedException().getMessage())
                : "binding failed";
        SchemaViolation.Severity severity = switch (event.getSeverity()) {
            case ValidationEvent.WARNING -> SchemaViolation.Severity.WARNING;
            case ValidationEvent.ERROR -> SchemaViolation.Severity.ERROR;
            default -> SchemaViolation.Severity.FATAL;
        };
        add(severity, locator == null ? -1 : locator.getLineNumber(), locator == null ? -1 : locator.getColumnNumber(),
                message);
        return event.getSeverity() != ValidationEvent.FATAL_ERROR && violations.size() < MAX_VIOLATIONS;
    }

    @Override
    public void warning(SAXParseException e) {
        add(SchemaViolation.Severity.WARNING, e.getLineNumber(), e.getColumnNumber(), String.valueOf(e.getMessage()));
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
        add(SchemaViolation.Severity.ERROR, e.getLineNumber(), e.getColumnNumber(), String.valueOf(e.getMessage()));
        if (violations.size() >= MAX_VIOLATIONS) {
            throw e;
        }
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        add(SchemaViolation.Severity.FATAL, e.getLineNumber(), e.getColumnNumber(), String.valueOf(e.getMessage()));
        throw e;
    }

    private void add(SchemaViolation.Severity severity, int line, int column, String message) {
        violations.add(new SchemaViolation(severity, line, column, message, path.get()));
    }

    /** The violations recorded so far, in order. */
    public List<SchemaViolation> violations() {
        return List.copyOf(violations);
    }

    /** Whether anything worse than a warning was recorded. */
    public boolean hasErrors() {
        return violations.stream().anyMatch(v -> v.severity() != SchemaViolation.Severity.WARNING);
    }

    /** Unwinds a read that the collector stopped; the reason is recorded already. */
    public static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop(SAXException cause) {
            super("validation stopped", cause, false, false);
        }
    }
}
