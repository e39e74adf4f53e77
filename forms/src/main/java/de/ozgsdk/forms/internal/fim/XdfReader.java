package de.ozgsdk.forms.internal.fim;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.XmlError;
import de.ozgsdk.forms.FimError;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FimImportException;
import de.ozgsdk.forms.ImportLocation;
import de.ozgsdk.forms.XdfVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A cursor over a StAX reader that keeps the element path, the start position of each open element and the FIM id
 * of the nearest identified element, so that every error and warning can say where it is.
 *
 * <p>Protocol: {@link #nextChild()} moves to the next child element of the current element and opens it, or consumes
 * the current element's end and closes it; {@link #text()} and {@link #skip()} consume the current element to its end
 * and close it. Every opened element is thus closed exactly once.
 */
final class XdfReader {

    private static final int REPEATABLE_NAMES = 10;

    private final XMLStreamReader reader;
    private final String source;
    private final int maxDepth;
    private String[] names = new String[32];
    private int[] indexes = new int[32];
    private int[] lines = new int[32];
    private int[] columns = new int[32];
    private FimId[] ids = new FimId[32];
    private int[][] counters = new int[32][];
    private boolean[] counted = new boolean[32];
    private int depth;
    private String closedName = "";
    private int closedIndex;
    private int closedLine;
    private int closedColumn;
    private XdfConformance conformance;
    private ConformanceSink sink;

    /** Receives the deviations from the XSD with the location of the element they concern. */
    interface ConformanceSink {
        void deviation(XdfConformance.Deviation deviation, String element, ImportLocation location);
    }

    XdfReader(XMLStreamReader reader, String source, int maxDepth) {
        this.reader = reader;
        this.source = source;
        this.maxDepth = maxDepth;
    }

    /**
     * From the current (root) element on, passes every element and text to the XSD check of {@code version} and
     * reports its findings to {@code sink}.
     */
    void checkConformance(XdfVersion version, ConformanceSink sink) {
        this.sink = sink;
        this.conformance = XdfConformance.start(version, reader);
        report();
    }

    /** Reads the next event; the hardened reader of core reports its refusals as {@link InvalidInputException}. */
    private int next() throws XMLStreamException {
        try {
            int event = reader.next();
            if (conformance != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE)) {
                conformance.characters();
                report();
            }
            return event;
        } catch (FimImportException e) {
            throw e;
        } catch (InvalidInputException e) {
            throw XdfParser.translate(e, positionOf(e));
        }
    }

    /** Where core's reader found the problem, if it says so; else where the reader is. */
    private ImportLocation positionOf(InvalidInputException e) {
        ImportLocation here = currentPosition();
        List<String> arguments = e.arguments();
        if (e.code() == XmlError.DOCUMENT_TOO_LARGE || arguments.size() < 3 || !isNumber(arguments.get(1))
                || !isNumber(arguments.get(2))) {
            return here;
        }
        return new ImportLocation(source, Integer.parseInt(arguments.get(1)), Integer.parseInt(arguments.get(2)),
                here.path(), here.elementId());
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() < 10 && text.chars().allMatch(Character::isDigit);
    }

    private ImportLocation currentPosition() {
        Location at = reader.getLocation();
        return new ImportLocation(source, at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber(),
                depth == 0 ? "/" : path(), nearestId());
    }

    /** Moves to the root element and opens it. */
    void openRoot() {
        try {
            while (reader.hasNext()) {
                int event = next();
                if (event == XMLStreamConstants.DTD) {
                    throw error(FimError.XML_DTD_FORBIDDEN, null);
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    open();
                    return;
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        throw error(FimError.XML_MALFORMED, null, "no root element");
    }

    /** Opens the next child element of the current element, or closes the current one and returns false. */
    boolean nextChild() {
        try {
            while (true) {
                int event = next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT:
                        open();
                        return true;
                    case XMLStreamConstants.END_ELEMENT:
                        close();
                        return false;
                    case XMLStreamConstants.DTD:
                        throw error(FimError.XML_DTD_FORBIDDEN, null);
                    case XMLStreamConstants.END_DOCUMENT:
                        throw error(FimError.XML_MALFORMED, null, "unexpected end of document");
                    default:
                        break;
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** Reads the text content of the current element (nested elements skipped), stripped, and closes it. */
    String text() {
        // the XSD check keeps the text of simple values anyway: taken from there, it is not gathered twice
        boolean kept = conformance != null && conformance.keepsText();
        String first = null;
        StringBuilder more = null;
        try {
            while (true) {
                int event = next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (kept) {
                            continue;
                        }
                        if (first == null) {
                            first = reader.getText();
                        } else {
                            if (more == null) {
                                more = new StringBuilder(first);
                            }
                            more.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        }
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (kept) {
                            // the check stops keeping text at a nested element: go on gathering it here
                            more = new StringBuilder(conformance.keptText());
                            first = "";
                            kept = false;
                        }
                        open();
                        skip();
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String text = kept ? strip(conformance.keptText()) : more != null ? more.toString() : first;
                        close();
                        return text == null ? "" : kept ? text : text.strip();
                    }
                    case XMLStreamConstants.END_DOCUMENT ->
                            throw error(FimError.XML_MALFORMED, null, "unexpected end of document");
                    default -> {
                        // comments and processing instructions carry no content
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** As {@link String#strip()}, making only the stripped string. */
    static String strip(CharSequence text) {
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return text.subSequence(from, to).toString();
    }

    /** Skips the current element with everything in it and closes it. */
    void skip() {
        while (nextChild()) {
            skip();
        }
    }

    /** The local name of the current (last opened) element. */
    String name() {
        return names[depth - 1];
    }

    /** The namespace URI of the element the reader is at, or the empty string. */
    String namespace() {
        String namespace = reader.getNamespaceURI();
        return namespace == null ? "" : namespace;
    }

    /** The value of an attribute without namespace of the element the reader is at, if present. */
    Optional<String> attribute(String localName) {
        return Optional.ofNullable(reader.getAttributeValue(null, localName));
    }

    /** Marks the current element as identified by {@code id}, for locations within it. */
    void identify(FimId id) {
        ids[depth - 1] = id;
    }

    /** The FIM id of the current element, if it is identified. */
    Optional<FimId> currentId() {
        return Optional.ofNullable(ids[depth - 1]);
    }

    /** The start line of the current element. */
    int line() {
        return lines[depth - 1];
    }

    /** Where the current element starts. */
    ImportLocation location() {
        return depth == 0 ? new ImportLocation(source, 0, 0, "/", Optional.empty())
                : new ImportLocation(source, lines[depth - 1], columns[depth - 1], path(), nearestId());
    }

    /** Where the element that was closed last (a child just read with {@link #text()}) starts. */
    ImportLocation closedLocation() {
        return closedLocation(nearestId());
    }

    /** As {@link #closedLocation()}, naming the closed element's own id. */
    ImportLocation closedLocation(Optional<FimId> id) {
        String name = closedIndex > 0 ? closedName + "[" + closedIndex + "]" : closedName;
        return new ImportLocation(source, closedLine, closedColumn, (depth == 0 ? "" : path()) + "/" + name, id);
    }

    FimImportException error(FimError code, Throwable cause, Object... details) {
        return new FimImportException(code, location(), cause, details);
    }

    private FimImportException malformed(XMLStreamException e) {
        Location at = e.getLocation();
        ImportLocation location = new ImportLocation(source, at == null ? 0 : at.getLineNumber(),
                at == null ? 0 : at.getColumnNumber(), depth == 0 ? "/" : path(), nearestId());
        return new FimImportException(FimError.XML_MALFORMED, location, e, parserMessage(e));
    }

    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    private void open() {
        if (depth == maxDepth) {
            throw error(FimError.LIMIT_EXCEEDED, null, "maxDepth", maxDepth);
        }
        if (depth == names.length) {
            grow();
        }
        String name = reader.getLocalName();
        names[depth] = name;
        ids[depth] = null;
        int repeatable = repeatableIndex(name);
        if (depth > 0 && repeatable >= 0) {
            indexes[depth] = ++counters[depth - 1][repeatable];
            counted[depth - 1] = true;
        } else {
            indexes[depth] = 0;
        }
        // most elements have no repeatable children: reset their counters only when they were used
        if (counters[depth] == null) {
            counters[depth] = new int[REPEATABLE_NAMES];
        } else if (counted[depth]) {
            Arrays.fill(counters[depth], 0);
        }
        counted[depth] = false;
        Location at = reader.getLocation();
        lines[depth] = at.getLineNumber();
        columns[depth] = at.getColumnNumber();
        depth++;
        if (conformance != null) {
            conformance.startElement();
            report();
        }
    }

    /** Hands the XSD check's findings to the sink while the element they concern is the current one. */
    private void report() {
        if (conformance.hasDeviations()) {
            for (XdfConformance.Deviation deviation : conformance.drain()) {
                sink.deviation(deviation, names[depth - 1], location());
            }
        }
    }

    /** Elements that may repeat under one parent; only these get an index in paths ({@code struktur[3]}). */
    private static int repeatableIndex(String name) {
        return switch (name) {
            case "struktur" -> 0;
            case "regel" -> 1;
            case "wert" -> 2;
            case "bezug" -> 3;
            case "mediaType" -> 4;
            case "stichwort" -> 5;
            case "relation" -> 6;
            case "param" -> 7;
            case "ziel" -> 8;
            case "fehler" -> 9;
            default -> -1;
        };
    }

    private void close() {
        if (conformance != null) {
            conformance.endElement();
            report();
        }
        depth--;
        closedName = names[depth];
        closedIndex = indexes[depth];
        closedLine = lines[depth];
        closedColumn = columns[depth];
    }

    private void grow() {
        int size = names.length * 2;
        names = Arrays.copyOf(names, size);
        indexes = Arrays.copyOf(indexes, size);
        lines = Arrays.copyOf(lines, size);
        columns = Arrays.copyOf(columns, size);
        ids = Arrays.copyOf(ids, size);
        counters = Arrays.copyOf(counters, size);
        counted = Arrays.copyOf(counted, size);
    }

    private Optional<FimId> nearestId() {
        for (int i = depth - 1; i >= 0; i--) {
            if (ids[i] != null) {
                return Optional.of(ids[i]);
            }
        }
        return Optional.empty();
    }

    private String path() {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            path.append('/').append(names[i]);
            if (indexes[i] > 0) {
                path.append('[').append(indexes[i]).append(']');
            }
        }
        return path.toString();
    }
}
