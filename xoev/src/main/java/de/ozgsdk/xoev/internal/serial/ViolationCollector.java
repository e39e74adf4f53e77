package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.xoev.SchemaViolation;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventHandler;
import jakarta.xml.bind.ValidationEventLocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Records every validation and binding event of one JAXB call and lets it go on, so that the caller gets all
 * violations at once; stops at a fatal error or after {@link #MAX_VIOLATIONS}.
 */
public final class ViolationCollector implements ValidationEventHandler {

    /** A broken document can yield one violation per element; beyond this many, more do not help anybody. */
    public static final int MAX_VIOLATIONS = 100;

    private final List<SchemaViolation> violations = new ArrayList<>();
    private final Supplier<Optional<String>> path;

    /** @param path where the reader currently is, or empty when unknown (writing) */
    public ViolationCollector(Supplier<Optional<String>> path) {
        this.path = path;
    }

    @Override
    public boolean handleEvent(ValidationEvent event) {
        ValidationEventLocator locator = event.getLocator();
        int line = locator == null ? -1 : locator.getLineNumber();
        int column = locator == null ? -1 : locator.getColumnNumber();
        String message = event.getMessage() != null ? event.getMessage()
                : event.getLinkedException() != null ? String.valueOf(event.getLinkedException().getMessage())
                : "binding failed";
        violations.add(new SchemaViolation(severity(event), line, column, message, path.get()));
        return event.getSeverity() != ValidationEvent.FATAL_ERROR && violations.size() < MAX_VIOLATIONS;
    }

    /** The violations recorded so far, in order. */
    public List<SchemaViolation> violations() {
        return List.copyOf(violations);
    }

    /** Whether anything worse than a warning was recorded. */
    public boolean hasErrors() {
        return violations.stream().anyMatch(v -> v.severity() != SchemaViolation.Severity.WARNING);
    }

    private static SchemaViolation.Severity severity(ValidationEvent event) {
        switch (event.getSeverity()) {
            case ValidationEvent.WARNING:
                return SchemaViolation.Severity.WARNING;
            case ValidationEvent.ERROR:
                return SchemaViolation.Severity.ERROR;
            default:
                return SchemaViolation.Severity.FATAL;
        }
    }
}
