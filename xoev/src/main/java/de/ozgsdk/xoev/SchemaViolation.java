package de.ozgsdk.xoev;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One violation of an XML Schema (or of the JAXB binding) found while reading or writing an XÖV document.
 *
 * <p>The {@link #message()} is the validator's text and may quote values of the document, which can be personal data:
 * show it to the person who entered the data, never write it to a log. {@link #toString()} leaves it out and shows
 * only the {@link #rule()}.
 *
 * @param severity how bad it is
 * @param line     line in the document read (when writing: in the document as written), 1-based; -1 if unknown
 * @param column   column in the document read, 1-based; -1 when unknown
 * @param message  the validator's message (may contain values of the document)
 * @param path     the element path where it was found, e.g. {@code /nachrichtenkopf/autor}, when known
 */
public record SchemaViolation(Severity severity, int line, int column, String message, Optional<String> path) {

    /** Xerces message keys such as {@code cvc-complex-type.2.4.b} at the start of a message. */
    private static final Pattern RULE = Pattern.compile("^([a-z]+(?:-[A-Za-z0-9.]+)+):");

    public SchemaViolation {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }

    /** How bad a violation is. */
    public enum Severity {
        /** A warning; the document is still valid. */
        WARNING,
        /** An error; validation went on to find further ones. */
        ERROR,
        /** A fatal error; validation stopped here. */
        FATAL
    }

    /**
     * The violated rule without any value of the document: the validator's rule key (e.g.
     * {@code cvc-complex-type.2.4.b}, see the XML Schema specification, appendix C) or {@code binding} for a problem
     * of the JAXB binding. Safe to log.
     */
    public String rule() {
        Matcher matcher = RULE.matcher(message);
        return matcher.find() ? matcher.group(1) : "binding";
    }

    /** Where it was found, without the message: "line 3, column 14, /nachrichtenkopf/autor". Safe to log. */
    public String location() {
        StringBuilder text = new StringBuilder();
        if (line >= 0) {
            text.append("line ").append(line).append(", column ").append(column);
        }
        path.ifPresent(p -> text.append(text.length() == 0 ? "" : ", ").append(p));
        return text.length() == 0 ? "position unknown" : text.toString();
    }

    @Override
    public String toString() {
        return "SchemaViolation[" + severity + " at " + location() + ", rule " + rule() + "]";
    }
}
