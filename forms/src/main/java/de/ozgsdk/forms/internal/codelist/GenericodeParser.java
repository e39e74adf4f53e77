package de.ozgsdk.forms.internal.codelist;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.codelist.CodeList;
import de.ozgsdk.forms.codelist.CodeListError;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streaming StAX parser for OASIS genericode 1.0 code lists in all dialects seen in the XRepository and in FIM
 * exports. One instance parses one document; it is not thread-safe.
 *
 * <p>genericode's XSD has {@code elementFormDefault="unqualified"}: below a {@code gc:CodeList} root the elements are
 * in no namespace. FIM exports instead put the whole document into the genericode default namespace. Both are
 * accepted by matching child elements on their local name when they are in no namespace or in the genericode one.
 */
public final class GenericodeParser {

    /** The genericode 1.0 namespace. */
    public static final String GENERICODE_NAMESPACE = "http://docs.oasis-open.org/codelist/ns/genericode/1.0/";

    /** The five generations of XÖV annotation namespaces, with or without {@code www.}, and future ones alike. */
    private static final Pattern XOEV_NAMESPACE = Pattern.compile(
            "https?://(www\\.)?xoev\\.de/schemata/(xoev-gc-codelist-[0-9_]+|genericode/[0-9][0-9_.]*)/?");

    private static final String MARK_RECOMMENDED_KEY = "recommendedKeyColumn";
    private static final String MARK_RECOMMENDED_KEY_DE = "empfohleneCodeSpalte";
    private static final String MARK_CODE = "xoev-code";
    private static final String MARK_CODE_NAME = "xoev-codename";

    private final XMLStreamReader reader;
    private final String source;
    private final CodeList.Builder builder = CodeList.builder();
    private final Map<String, Integer> columnIndex = new LinkedHashMap<>();
    private final List<String> columnIds = new ArrayList<>();
    private final List<KeyDeclaration> keys = new ArrayList<>();
    private final Map<String, String> annotationValues = new LinkedHashMap<>();
    private String xoevNamespace;
    private String keyColumnId;

    private GenericodeParser(XMLStreamReader reader, String source) {
        this.reader = reader;
        this.source = source;
    }

    /**
     * Parses one genericode document and closes {@code reader} (not its underlying stream).
     *
     * @param reader a reader from the hardened StAX factory, positioned at the start of the document
     * @param source names the document in error messages (file or resource name, never personal data)
     * @throws InvalidInputException with a {@link CodeListError} code, line and column if the document is not a
     *                               usable genericode code list
     */
    public static CodeList parse(XMLStreamReader reader, String source) {
        try {
            return new GenericodeParser(reader, source).parseDocument();
        } catch (XMLStreamException e) {
            throw malformed(source, e);
        } finally {
            closeQuietly(reader);
        }
    }

    private CodeList parseDocument() throws XMLStreamException {
        moveToRootElement();
        if (!"CodeList".equals(reader.getLocalName()) || !GENERICODE_NAMESPACE.equals(reader.getNamespaceURI())) {
            throw error(CodeListError.NOT_GENERICODE, qualifiedName());
        }
        Position root = position();
        boolean identification = false;
        boolean columnSet = false;
        boolean simpleCodeList = false;
        while (nextChildElement()) {
            switch (structuralName()) {
                case "Annotation" -> readAnnotation();
                case "Identification" -> {
                    readIdentification();
                    identification = true;
                }
                case "ColumnSet" -> {
                    readColumnSet();
                    columnSet = true;
                }
                case "ColumnSetRef" -> throw error(CodeListError.UNSUPPORTED_CONSTRUCT, "ColumnSetRef");
                case "SimpleCodeList" -> {
                    if (!columnSet) {
                        throw error(CodeListError.MISSING_ELEMENT, "ColumnSet", "CodeList");
                    }
                    readRows();
                    simpleCodeList = true;
                }
                default -> skipElement();
            }
        }
        requirePart(identification, "Identification", root);
        requirePart(columnSet, "ColumnSet", root);
        requirePart(simpleCodeList, "SimpleCodeList", root);
        builder.xoevMetadata(new CodeList.XoevMetadata(Optional.ofNullable(xoevNamespace),
                recommendedKey().map(KeyDeclaration::firstColumn), annotationValues));
        return builder.build();
    }

    // ---- Identification --------------------------------------------------------------------------------------------

    private void readIdentification() throws XMLStreamException {
        while (nextChildElement()) {
            switch (structuralName()) {
                case "ShortName" -> builder.shortName(readText().strip());
                case "LongName" -> builder.addLongName(readLongName());
                case "Version" -> builder.version(readText());
                case "CanonicalUri" -> builder.canonicalUri(readText());
                case "CanonicalVersionUri" -> builder.canonicalVersionUri(readText());
                case "Agency" -> builder.agency(readAgency());
                default -> skipElement();
            }
        }
    }

    private CodeList.LongName readLongName() throws XMLStreamException {
        Optional<String> identifier = attribute("Identifier");
        Optional<String> language = Optional.ofNullable(reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang"))
                .filter(v -> !v.isBlank());
        return new CodeList.LongName(readText().strip(), identifier, language);
    }

    private CodeList.Agency readAgency() throws XMLStreamException {
        String shortName = null;
        String longName = null;
        String identifier = null;
        while (nextChildElement()) {
            switch (structuralName()) {
                case "ShortName" -> shortName = firstNonBlank(shortName, readText());
                case "LongName" -> longName = firstNonBlank(longName, readText());
                case "Identifier" -> identifier = firstNonBlank(identifier, readText());
                default -> skipElement();
            }
        }
        return new CodeList.Agency(Optional.ofNullable(shortName), Optional.ofNullable(longName),
                Optional.ofNullable(identifier));
    }

    // ---- Annotation ------------------------------------------------------------------------------------------------

    /** Collects the simple elements of an xoev-cl namespace under {@code Annotation/Description|AppInfo}. */
    private void readAnnotation() throws XMLStreamException {
        while (nextChildElement()) {
            if ("Description".equals(structuralName()) || "AppInfo".equals(structuralName())) {
                while (nextChildElement()) {
                    if (isXoevNamespace(reader.getNamespaceURI())) {
                        String name = reader.getLocalName();
                        annotationValues.putIfAbsent(name, readText().strip());
                    } else {
                        skipElement();
                    }
                }
            } else {
                skipElement();
            }
        }
    }

    /** The local names of the xoev-cl marker elements of a Key's {@code Annotation/AppInfo}. */
    private List<String> readKeyMarkers() throws XMLStreamException {
        List<String> markers = new ArrayList<>();
        while (nextChildElement()) {
            if ("AppInfo".equals(structuralName()) || "Description".equals(structuralName())) {
                while (nextChildElement()) {
                    if (isXoevNamespace(reader.getNamespaceURI())) {
                        markers.add(reader.getLocalName());
                    }
                    skipElement();
                }
            } else {
                skipElement();
            }
        }
        return markers;
    }

    private boolean isXoevNamespace(String namespace) {
        if (namespace == null || !XOEV_NAMESPACE.matcher(namespace).matches()) {
            return false;
        }
        if (xoevNamespace == null) {
            xoevNamespace = namespace;
        }
        return true;
    }

    // ---- ColumnSet -------------------------------------------------------------------------------------------------

    private void readColumnSet() throws XMLStreamException {
        Position columnSet = position();
        while (nextChildElement()) {
            switch (structuralName()) {
                case "Column" -> readColumn();
                case "Key" -> keys.add(readKey());
                case "ColumnRef" -> throw error(CodeListError.UNSUPPORTED_CONSTRUCT, "ColumnSet/ColumnRef");
                default -> skipElement();
            }
        }
        for (KeyDeclaration key : keys) {
            for (ColumnReference reference : key.columns()) {
                if (!columnIndex.containsKey(reference.columnId())) {
                    throw error(reference.location(), CodeListError.KEY_UNKNOWN_COLUMN, key.id(),
                            reference.columnId(), String.join(", ", columnIds));
                }
            }
        }
        KeyDeclaration codeKey = chooseCodeKey().orElseThrow(() -> error(columnSet, CodeListError.NO_KEY));
        if (codeKey.columns().size() > 1) {
            throw error(codeKey.location(), CodeListError.COMPOSITE_KEY, codeKey.id());
        }
        keyColumnId = codeKey.firstColumn();
        builder.keyColumn(keyColumnId);
        chooseNameKey(codeKey).ifPresent(nameKey -> builder.nameColumn(nameKey.firstColumn()));
    }

    private void readColumn() throws XMLStreamException {
        Position location = position();
        String id = requiredAttribute("Id", "Column");
        CodeList.Use use = "required".equals(attribute("Use").orElse("")) ? CodeList.Use.REQUIRED
                : CodeList.Use.OPTIONAL;
        String shortName = "";
        String longName = null;
        String dataType = "";
        while (nextChildElement()) {
            switch (structuralName()) {
                case "ShortName" -> shortName = readText().strip();
                case "LongName" -> longName = firstNonBlank(longName, readText());
                case "Data" -> {
                    dataType = attribute("Type").orElse("");
                    skipElement();
                }
                default -> skipElement();
            }
        }
        if (columnIndex.putIfAbsent(id, columnIds.size()) != null) {
            throw error(location, CodeListError.DUPLICATE_COLUMN, id);
        }
        columnIds.add(id);
        builder.addColumn(new CodeList.Column(id, shortName, Optional.ofNullable(longName), dataType, use));
    }

    private KeyDeclaration readKey() throws XMLStreamException {
        Position location = position();
        String id = requiredAttribute("Id", "Key");
        List<String> markers = new ArrayList<>();
        List<ColumnReference> columns = new ArrayList<>();
        while (nextChildElement()) {
            switch (structuralName()) {
                case "Annotation" -> markers.addAll(readKeyMarkers());
                case "ColumnRef" -> {
                    Position refLocation = position();
                    columns.add(new ColumnReference(requiredAttribute("Ref", "ColumnRef"), refLocation));
                    skipElement();
                }
                default -> skipElement();
            }
        }
        if (columns.isEmpty()) {
            throw error(location, CodeListError.MISSING_ELEMENT, "ColumnRef", "Key " + id);
        }
        return new KeyDeclaration(id, List.copyOf(markers), List.copyOf(columns), location);
    }

    /**
     * The code key: the one marked as recommended (XÖV genericode/2 to /4), else the one marked {@code xoev-code}
     * (XÖV 1.0), else the one with Id {@code codeKey} (FIM), else the first.
     */
    private Optional<KeyDeclaration> chooseCodeKey() {
        return recommendedKey()
                .or(() -> keys.stream().filter(k -> k.markers().contains(MARK_CODE)).findFirst())
                .or(() -> keys.stream().filter(k -> "codeKey".equalsIgnoreCase(k.id())).findFirst())
                .or(() -> keys.stream().findFirst());
    }

    private Optional<KeyDeclaration> recommendedKey() {
        return keys.stream()
                .filter(k -> k.markers().contains(MARK_RECOMMENDED_KEY)
                        || k.markers().contains(MARK_RECOMMENDED_KEY_DE))
                .findFirst();
    }

    /** The name key: marked {@code xoev-codename}, or with Id {@code codenameKey} or {@code nameKey}. */
    private Optional<KeyDeclaration> chooseNameKey(KeyDeclaration codeKey) {
        return keys.stream()
                .filter(k -> k != codeKey)
                .filter(k -> k.markers().contains(MARK_CODE_NAME)
                        || "codenameKey".equalsIgnoreCase(k.id()) || "nameKey".equalsIgnoreCase(k.id()))
                .findFirst();
    }

    // ---- SimpleCodeList --------------------------------------------------------------------------------------------

    private void readRows() throws XMLStreamException {
        Map<String, Integer> rowOfCode = new HashMap<>();
        int rowNumber = 0;
        while (nextChildElement()) {
            if (!"Row".equals(structuralName())) {
                skipElement();
                continue;
            }
            rowNumber++;
            Position rowLocation = position();
            Map<String, String> row = readRow(rowNumber);
            String code = row.get(keyColumnId);
            if (code == null || code.isEmpty()) {
                throw error(rowLocation, CodeListError.MISSING_KEY_VALUE, rowNumber, keyColumnId);
            }
            Integer first = rowOfCode.putIfAbsent(code, rowNumber);
            if (first != null) {
                throw error(rowLocation, CodeListError.DUPLICATE_CODE, code, keyColumnId, rowNumber, first);
            }
            builder.addRow(row);
        }
    }

    /** Reads one row; a Value without ColumnRef refers to the column after the previous value's, as genericode says. */
    private Map<String, String> readRow(int rowNumber) throws XMLStreamException {
        Map<String, String> row = new HashMap<>();
        int position = -1;
        while (nextChildElement()) {
            if (!"Value".equals(structuralName())) {
                skipElement();
                continue;
            }
            Position location = position();
            Optional<String> reference = attribute("ColumnRef");
            if (reference.isPresent()) {
                Integer index = columnIndex.get(reference.get());
                if (index == null) {
                    throw error(location, CodeListError.VALUE_UNKNOWN_COLUMN, reference.get(),
                            String.join(", ", columnIds));
                }
                position = index;
            } else {
                position++;
                if (position >= columnIds.size()) {
                    throw error(location, CodeListError.VALUE_UNKNOWN_COLUMN, "#" + (position + 1),
                            String.join(", ", columnIds));
                }
            }
            String columnId = columnIds.get(position);
            Optional<String> value = readValue();
            if (row.containsKey(columnId)) {
                throw error(location, CodeListError.DUPLICATE_CELL, columnId, rowNumber);
            }
            value.ifPresent(v -> row.put(columnId, v));
        }
        return row;
    }

    /** The {@code SimpleValue} of a Value; empty for a Value without one (e.g. a ComplexValue, which is skipped). */
    private Optional<String> readValue() throws XMLStreamException {
        String value = null;
        while (nextChildElement()) {
            if ("SimpleValue".equals(structuralName()) && value == null) {
                value = readText();
            } else {
                skipElement();
            }
        }
        return Optional.ofNullable(value);
    }

    // ---- StAX navigation -------------------------------------------------------------------------------------------

    private void moveToRootElement() throws XMLStreamException {
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
        throw error(CodeListError.NOT_GENERICODE, "(none)");
    }

    /** Moves to the next child element of the current element; false (at its end tag) when there is none. */
    private boolean nextChildElement() throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** All text inside the current element, including that of nested elements; leaves the reader at its end tag. */
    private String readText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> text.append(reader.getText());
                default -> {
                    // comments and processing instructions carry no value
                }
            }
        }
        return text.toString();
    }

    /** The local name of a genericode structure element, or "" for an element of a foreign namespace. */
    private String structuralName() {
        String namespace = reader.getNamespaceURI();
        boolean structural = namespace == null || namespace.isEmpty() || GENERICODE_NAMESPACE.equals(namespace);
        return structural ? reader.getLocalName() : "";
    }

    private Optional<String> attribute(String name) {
        return Optional.ofNullable(reader.getAttributeValue(null, name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private String requiredAttribute(String name, String element) {
        return attribute(name).orElseThrow(() -> error(CodeListError.MISSING_ATTRIBUTE, name, element));
    }

    private String qualifiedName() {
        String namespace = reader.getNamespaceURI();
        return (namespace == null || namespace.isEmpty() ? "" : "{" + namespace + "}") + reader.getLocalName();
    }

    private void requirePart(boolean present, String element, Position root) {
        if (!present) {
            throw error(root, CodeListError.MISSING_ELEMENT, element, "CodeList");
        }
    }

    // ---- errors ----------------------------------------------------------------------------------------------------

    private Position position() {
        Location location = reader.getLocation();
        return location == null ? new Position(-1, -1)
                : new Position(location.getLineNumber(), location.getColumnNumber());
    }

    private InvalidInputException error(CodeListError code, Object... details) {
        return error(position(), code, details);
    }

    private InvalidInputException error(Position position, CodeListError code, Object... details) {
        Object[] arguments = new Object[details.length + 3];
        arguments[0] = source;
        arguments[1] = number(position.line());
        arguments[2] = number(position.column());
        System.arraycopy(details, 0, arguments, 3, details.length);
        return new InvalidInputException(code, arguments);
    }

    /** Translates a StAX failure into {@link CodeListError#MALFORMED_XML} with line and column. */
    public static InvalidInputException malformed(String source, XMLStreamException e) {
        Location location = e.getLocation();
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // The JDK prefixes its message with "ParseError at [row,col]:[..]"; the position is given separately.
        detail = detail.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[-?\\d+,-?\\d+\\]\\s*Message:\\s*", "");
        return new InvalidInputException(CodeListError.MALFORMED_XML, e, source,
                number(location == null ? -1 : location.getLineNumber()),
                number(location == null ? -1 : location.getColumnNumber()), sentence(detail.strip()));
    }

    /** The parser's detail as a sentence: the message template follows it with its own sentence. */
    private static String sentence(String detail) {
        return detail.isEmpty() || ".!?".indexOf(detail.charAt(detail.length() - 1)) >= 0 ? detail : detail + ".";
    }

    private static String number(int value) {
        return value < 0 ? "?" : Integer.toString(value);
    }

    private static String firstNonBlank(String current, String candidate) {
        return current != null || candidate.isBlank() ? current : candidate.strip();
    }

    private static void closeQuietly(XMLStreamReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (XMLStreamException | RuntimeException e) {
            // closing a reader over a stream we do not own frees parser buffers only; nothing to report
        }
    }

    private record ColumnReference(String columnId, Position location) {
    }

    private record KeyDeclaration(String id, List<String> markers, List<ColumnReference> columns, Position location) {
        String firstColumn() {
            return columns.get(0).columnId();
        }
    }

    /** A snapshot of the reader's position (a StAX {@code Location} may be a live view). */
    private record Position(int line, int column) {
    }
}
