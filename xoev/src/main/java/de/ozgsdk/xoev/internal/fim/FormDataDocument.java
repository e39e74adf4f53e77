package de.ozgsdk.xoev.internal.fim;

import de.ozgsdk.xoev.fim.FimDataViolation;
import de.ozgsdk.xoev.fim.FimXmlError;
import de.ozgsdk.xoev.internal.xml.XmlEscaping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * The text of form data XML, written from the events of a {@link FormDataWalk} (the same text
 * {@link XmlRendering} makes of a tree: declaration, indented by two blanks or on one line, values escaped by
 * {@link XmlEscaping}), and, with a validator handler, validated from the same events as they are written: each
 * event reaches the handler with the line and column a parser of the text would report, so that a violation has the
 * data path of its element and its place in the text without parsing the text again. One document per instance;
 * not thread-safe.
 */
public final class FormDataDocument implements FormDataWalk.Sink, Locator {

    private static final int MAX_VIOLATIONS = 100;

    private final StringBuilder out;
    private final boolean pretty;
    private final String namespace;
    private final ValidatorHandler validator;
    private final List<FimDataViolation> violations = new ArrayList<>(0);
    private final AttributesImpl noAttributes = new AttributesImpl();
    private String[] names = new String[16];
    private int[] indexes = new int[16];
    private boolean[] parents = new boolean[16];
    /** The number of open elements. */
    private int depth;
    /** Whether the start tag of the innermost element still lacks its {@code >}. */
    private boolean startTagOpen;
    private int line = 1;
    private int lineStart;
    private char[] characters = new char[64];

    /**
     * A document written to {@code out}.
     *
     * @param declaration whether it starts with the XML declaration
     * @param validator   the handler to validate with (its error handler is replaced), or null for none
     */
    public FormDataDocument(StringBuilder out, boolean pretty, boolean declaration, String namespace,
                            ValidatorHandler validator) {
        this.out = out;
        this.pretty = pretty;
        this.namespace = namespace;
        this.validator = validator;
        if (declaration) {
            out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            newLine();
        }
        if (validator != null) {
            validator.setErrorHandler(new Collector());
            validator.setDocumentLocator(this);
            try {
                validator.startDocument();
                validator.startPrefixMapping("", namespace);
            } catch (SAXException e) {
                throw new Stopped(e);
            }
        }
    }

    @Override
    public void start(String localName, int index) {
        if (depth > 0) {
            closeStartTag();
            parents[depth - 1] = true;
        }
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
            parents = Arrays.copyOf(parents, depth * 2);
        }
        if (pretty && depth > 0) {
            newLine();
            indent(depth);
        }
        out.append('<').append(localName);
        if (depth == 0 && !namespace.isEmpty()) {
            out.append(" xmlns=\"");
            XmlEscaping.escape(namespace, out);
            out.append('"');
        }
        names[depth] = localName;
        indexes[depth] = index;
        parents[depth] = false;
        depth++;
        startTagOpen = true;
    }

    @Override
    public void text(String text) {
        closeStartTag();
        XmlEscaping.escape(text, out);
        if (validator != null) {
            int length = text.length();
            if (characters.length < length) {
                characters = new char[Math.max(length, characters.length * 2)];
            }
            text.getChars(0, length, characters, 0);
            try {
                validator.characters(characters, 0, length);
            } catch (SAXException e) {
                throw new Stopped(e);
            }
        }
    }

    @Override
    public void end() {
        String localName = names[depth - 1];
        if (startTagOpen) {
            out.append("/>");
            startTagOpen = false;
            reportStart(localName);
        } else {
            if (pretty && parents[depth - 1]) {
                newLine();
                indent(depth - 1);
            }
            out.append("</").append(localName).append('>');
        }
        if (validator != null) {
            try {
                validator.endElement(namespace, localName, localName);
            } catch (SAXException e) {
                throw new Stopped(e);
            }
        }
        depth--;
        if (depth == 0) {
            finish();
        }
    }

    private void finish() {
        if (pretty) {
            newLine();
        }
        if (validator != null) {
            try {
                validator.endPrefixMapping("");
                validator.endDocument();
            } catch (SAXException e) {
                throw new Stopped(e);
            }
        }
    }

    /** The violations the validator reported, in document order (at most 100). */
    public List<FimDataViolation> violations() {
        return violations;
    }

    private void closeStartTag() {
        if (startTagOpen) {
            out.append('>');
            startTagOpen = false;
            reportStart(names[depth - 1]);
        }
    }

    /** A parser reports a start tag once it has read all of it, so the validator sees it only then. */
    private void reportStart(String localName) {
        if (validator != null) {
            try {
                validator.startElement(namespace, localName, localName, noAttributes);
            } catch (SAXException e) {
                throw new Stopped(e);
            }
        }
    }

    private void indent(int levels) {
        for (int i = 0; i < levels; i++) {
            out.append("  ");
        }
    }

    private void newLine() {
        out.append('\n');
        line++;
        lineStart = out.length();
    }

    /** The data path of the innermost open element: {@code /} for the root, else {@code G1[0].F2[0]}. */
    private String path() {
        if (depth <= 1) {
            return "/";
        }
        StringBuilder path = new StringBuilder(24 * depth);
        for (int i = 1; i < depth; i++) {
            if (i > 1) {
                path.append('.');
            }
            path.append(names[i]).append('[').append(indexes[i]).append(']');
        }
        return path.toString();
    }

    // ---- Locator: where a parser of the text written so far would be

    @Override
    public int getLineNumber() {
        return line;
    }

    @Override
    public int getColumnNumber() {
        return out.length() - lineStart + 1;
    }

    @Override
    public String getPublicId() {
        return null;
    }

    @Override
    public String getSystemId() {
        return null;
    }

    /** Ends the walk when the validator throws (a fatal error: {@link #violations()} has it, else a failure). */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(SAXException cause) {
            super(cause.getClass().getSimpleName(), cause, false, false);
        }
    }

    /** Collects errors as violations of the element the validator is at. */
    private final class Collector implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make data invalid
        }

        @Override
        public void error(SAXParseException e) {
            if (violations.size() < MAX_VIOLATIONS) {
                violations.add(violation(e));
            }
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            violations.add(violation(e));
            throw e;
        }

        private FimDataViolation violation(SAXParseException e) {
            String message = Objects.toString(e.getMessage(), "");
            int colon = message.indexOf(':');
            String rule = colon > 0 && message.startsWith("cvc-") ? message.substring(0, colon) : "other";
            return new FimDataViolation(FimXmlError.XSD_VIOLATION, path(), positive(e.getLineNumber()),
                    positive(e.getColumnNumber()), Optional.empty(), List.of(rule));
        }
    }

    private static OptionalInt positive(int n) {
        return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    }
}
