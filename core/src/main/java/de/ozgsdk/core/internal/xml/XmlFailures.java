package de.ozgsdk.core.internal.xml;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.xml.XmlError;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.SourceLocator;
import javax.xml.transform.TransformerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXParseException;

/**
 * Turns what the JDK's XML implementation throws (SAX, StAX, TrAX, JAXB exceptions) into the SDK's exceptions with
 * an {@link XmlError} code, the caller's system id, line and column, and keeps the JDK exception as the cause.
 *
 * <p>Refusals are recognised by our own marker causes where we throw them, otherwise by the names the JDK puts in
 * its messages in every language: the feature URI {@code disallow-doctype-decl}, the property names
 * {@code accessExternal*} and the message ids {@code JAXP0001xxxx} of the processing limits.
 */
public final class XmlFailures {

    private static final Logger LOG = LoggerFactory.getLogger(XmlFailures.class);
    private static final String UNKNOWN = "?";
    private static final int MAX_DETAIL_LENGTH = 300;
    private static final int MAX_CHAIN = 16;
    /** Woodstox names its limits so: "Maximum Element Depth limit (3) Exceeded", "Attribute limit (2) exceeded". */
    private static final Pattern WOODSTOX_LIMIT = Pattern.compile("limit \\(\\d+\\) exceeded",
            Pattern.CASE_INSENSITIVE);

    /** What was being processed, which decides how an otherwise unrecognised error is reported. */
    public enum Context {
        /** Parsing a document. */
        DOCUMENT,
        /** Compiling an XML Schema. */
        SCHEMA,
        /** Validating a document against a compiled schema. */
        VALIDATION
    }

    private XmlFailures() {
    }

    /** The SDK exception for {@code failure}, which happened while processing the document {@code systemId}. */
    public static OzgException translate(Throwable failure, String systemId, Context context) {
        return translate(failure, systemId, context, null);
    }

    /**
     * As {@link #translate(Throwable, String, Context)}, with the reader's own location for failures that carry
     * none (Woodstox reports bytes invalid in the encoding without a position).
     */
    static OzgException translate(Throwable failure, String systemId, Context context, Location readerLocation) {
        Position position = Position.of(failure);
        if (!position.located() && readerLocation != null && readerLocation.getLineNumber() > 0) {
            position = new Position(number(readerLocation.getLineNumber()),
                    number(readerLocation.getColumnNumber()), position.message(), true);
        }
        for (Throwable cause : chain(failure)) {
            if (cause instanceof OzgException ozg) {
                return ozg;
            }
            if (cause instanceof RefusedReference refused) {
                return externalReference(failure, systemId, position, refused.kind());
            }
            if (cause instanceof DocumentTooLargeException tooLarge) {
                return new InvalidInputException(XmlError.DOCUMENT_TOO_LARGE, failure, systemId, tooLarge.maxBytes());
            }
        }
        String message = position.message();
        if (message.contains(JaxpHardening.DISALLOW_DOCTYPE)) {
            return dtdRefused(failure, systemId, position.line(), position.column());
        }
        String externalKind = externalKind(message);
        if (externalKind != null) {
            return externalReference(failure, systemId, position, externalKind);
        }
        if (message.contains("JAXP0001") || WOODSTOX_LIMIT.matcher(message).find()) {
            return new InvalidInputException(XmlError.LIMIT_EXCEEDED, failure, systemId, position.line(),
                    position.column(), detail(message));
        }
        if (!position.located() && hasCause(failure, IOException.class)
                && !hasCause(failure, CharConversionException.class)
                && !hasCause(failure, XmlDecoding.InvalidBytesException.class)) {
            return new ProcessingException(XmlError.READ_FAILED, failure, systemId,
                    rootCause(failure).getClass().getSimpleName());
        }
        return switch (context) {
            case SCHEMA -> new InvalidInputException(XmlError.SCHEMA_INVALID, failure, systemId, position.line(),
                    position.column(), detail(message));
            case VALIDATION -> validationFailure(failure, systemId, position);
            case DOCUMENT -> malformed(failure, systemId, position);
        };
    }

    /** The exception for a DOCTYPE found at the given position. */
    public static InvalidInputException dtdRefused(Throwable cause, String systemId, String line, String column) {
        LOG.warn("Refused XML document {} with a DOCTYPE at line {}, column {}", systemId, line, column);
        return new InvalidInputException(XmlError.DTD_NOT_ALLOWED, cause, systemId, line, column);
    }

    /** The exception for a DOCTYPE found by a StAX reader at {@code location}. */
    public static InvalidInputException dtdRefused(String systemId, Location location) {
        return dtdRefused(null, systemId, number(location == null ? -1 : location.getLineNumber()),
                number(location == null ? -1 : location.getColumnNumber()));
    }

    /** The exception for a text node longer than {@code maxTextLength} characters, found at {@code location}. */
    public static InvalidInputException textTooLong(String systemId, Location location, long maxTextLength) {
        LOG.warn("Refused XML document {}: a text node at line {} is longer than {} characters", systemId,
                number(location == null ? -1 : location.getLineNumber()), maxTextLength);
        return new InvalidInputException(XmlError.TEXT_TOO_LONG, systemId,
                number(location == null ? -1 : location.getLineNumber()),
                number(location == null ? -1 : location.getColumnNumber()), maxTextLength);
    }

    /** The exception for more than {@code maxTotalCharacters} characters of text in a document. */
    public static InvalidInputException tooManyCharacters(String systemId, Location location,
                                                          long maxTotalCharacters) {
        LOG.warn("Refused XML document {}: more than {} characters of text", systemId, maxTotalCharacters);
        return new InvalidInputException(XmlError.TOO_MANY_CHARACTERS, systemId,
                number(location == null ? -1 : location.getLineNumber()),
                number(location == null ? -1 : location.getColumnNumber()), maxTotalCharacters);
    }

    /**
     * The exception for a JAXB validation event that stopped unmarshalling: a schema violation, or a document that
     * does not match the bound type.
     */
    public static InvalidInputException bindingFailure(ValidationEvent event, Throwable failure, String systemId,
                                                       String typeName) {
        ValidationEventLocator locator = event.getLocator();
        String line = number(locator == null ? -1 : locator.getLineNumber());
        String column = number(locator == null ? -1 : locator.getColumnNumber());
        String message = event.getMessage() == null ? "" : event.getMessage();
        if (isSchemaViolation(message)) {
            return new InvalidInputException(XmlError.NOT_SCHEMA_VALID, failure, systemId, line, column,
                    constraintKey(message));
        }
        return new InvalidInputException(XmlError.BINDING_FAILED, failure, systemId, line, column, typeName);
    }

    /** The exception for a document whose root does not bind to {@code typeName}. */
    public static InvalidInputException unexpectedType(String systemId, String typeName) {
        return new InvalidInputException(XmlError.BINDING_FAILED, systemId, UNKNOWN, UNKNOWN, typeName);
    }

    private static OzgException malformed(Throwable failure, String systemId, Position position) {
        LOG.debug("Malformed XML document {} at line {}, column {}", systemId, position.line(), position.column());
        return new InvalidInputException(XmlError.MALFORMED, failure, systemId, position.line(), position.column(),
                detail(position.message()));
    }

    private static OzgException validationFailure(Throwable failure, String systemId, Position position) {
        String message = position.message();
        if (isSchemaViolation(message)) {
            // Only the constraint key: the full message of a violated facet quotes the value, which may be personal.
            return new InvalidInputException(XmlError.NOT_SCHEMA_VALID, failure, systemId, position.line(),
                    position.column(), constraintKey(message));
        }
        return malformed(failure, systemId, position);
    }

    private static OzgException externalReference(Throwable failure, String systemId, Position position,
                                                  String kind) {
        LOG.warn("Refused external {} referenced by XML document {} at line {}, column {}", kind, systemId,
                position.line(), position.column());
        return new InvalidInputException(XmlError.EXTERNAL_REFERENCE_NOT_ALLOWED, failure, systemId, position.line(),
                position.column(), kind);
    }

    private static String externalKind(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("accessexternaldtd")) {
            return "DTD";
        }
        if (lower.contains("accessexternalschema")) {
            return "Schema";
        }
        if (lower.contains("accessexternalstylesheet")) {
            return "Stylesheet";
        }
        return null;
    }

    private static boolean isSchemaViolation(String message) {
        return message.startsWith("cvc-");
    }

    private static String constraintKey(String message) {
        int colon = message.indexOf(':');
        return colon > 0 ? message.substring(0, colon) : UNKNOWN;
    }

    /** The parser's own words, on one line, bounded, ending with a full stop so that the template can go on. */
    private static String detail(String message) {
        String oneLine = message.replaceAll("\\s+", " ").strip();
        if (oneLine.length() > MAX_DETAIL_LENGTH) {
            oneLine = oneLine.substring(0, MAX_DETAIL_LENGTH) + "…";
        }
        if (oneLine.isEmpty()) {
            return "";
        }
        return oneLine.endsWith(".") ? oneLine : oneLine + ".";
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause : chain(failure)) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return chain.get(chain.size() - 1);
    }

    /**
     * The exception and its causes, including the one StAX keeps only as "nested exception" (the JDK's reader does
     * not set it as the cause); bounded, and safe against cycles.
     */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        while (current != null && chain.size() < MAX_CHAIN && seen.add(current)) {
            chain.add(current);
            Throwable cause = current.getCause();
            if (cause == null && current instanceof XMLStreamException stax) {
                cause = stax.getNestedException();
            }
            current = cause;
        }
        return chain;
    }

    static String number(int value) {
        return value > 0 ? Integer.toString(value) : UNKNOWN;
    }

    /** Where the first located exception in a cause chain points to, and its message. */
    private record Position(String line, String column, String message, boolean located) {

        static Position of(Throwable failure) {
            for (Throwable cause : chain(failure)) {
                Position position = ofSingle(cause);
                if (position != null) {
                    return position;
                }
            }
            return new Position(UNKNOWN, UNKNOWN, messageOf(failure), false);
        }

        private static Position ofSingle(Throwable cause) {
            if (cause instanceof SAXParseException sax) {
                return new Position(number(sax.getLineNumber()), number(sax.getColumnNumber()), messageOf(sax), true);
            }
            if (cause instanceof XMLStreamException stax && stax.getLocation() != null) {
                Location location = stax.getLocation();
                return new Position(number(location.getLineNumber()), number(location.getColumnNumber()),
                        staxMessage(stax), true);
            }
            if (cause instanceof TransformerException trax && trax.getLocator() != null) {
                SourceLocator locator = trax.getLocator();
                return new Position(number(locator.getLineNumber()), number(locator.getColumnNumber()),
                        messageOf(trax), true);
            }
            return null;
        }

        /** StAX puts the location in front of (JDK) or after (Woodstox) the message; it is reported separately. */
        private static String staxMessage(XMLStreamException stax) {
            String message = messageOf(stax);
            int start = message.indexOf("Message: ");
            String text = start >= 0 ? message.substring(start + "Message: ".length()) : message;
            // Woodstox puts it after the message: "... at [row,col {unknown-source}]: [5,12]"
            int woodstox = text.indexOf(" at [row,col");
            return woodstox >= 0 ? text.substring(0, woodstox) : text;
        }

        private static String messageOf(Throwable failure) {
            StringBuilder all = new StringBuilder();
            for (Throwable cause : chain(failure)) {
                if (cause.getMessage() != null && all.indexOf(cause.getMessage()) < 0) {
                    all.append(all.length() == 0 ? "" : " ").append(cause.getMessage());
                }
            }
            return all.toString();
        }
    }
}
