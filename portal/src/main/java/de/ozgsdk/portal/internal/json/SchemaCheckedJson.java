package de.ozgsdk.portal.internal.json;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import com.networknt.schema.utils.JsonNodes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON document read with the position of every node and checked against a JSON Schema (draft 2020-12) shipped as a
 * class path resource; the findings say where (line, column, JSON pointer) and what, in German and English, so that
 * descriptors and profiles report every problem at once. Internal to the portal module.
 */
public final class SchemaCheckedJson {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                            .maxStringLength(1 << 20).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Schema schema;

    private SchemaCheckedJson(Schema schema) {
        this.schema = schema;
    }

    /** The checker of the schema at {@code resource} (class path of this module). */
    public static SchemaCheckedJson of(String resource) {
        try (InputStream in = SchemaCheckedJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing JSON Schema resource " + resource);
            }
            return new SchemaCheckedJson(REGISTRY.getSchema(in, InputFormat.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong in a document, where. */
    public enum Kind {
        /** Not well-formed JSON: nothing else could be checked. */
        MALFORMED,
        /** Well-formed, but not valid against the schema. */
        SCHEMA
    }

    /**
     * One problem of a document.
     *
     * @param kind     malformed or against the schema
     * @param line     the line (1-based; 0 unknown)
     * @param column   the column (1-based; 0 unknown)
     * @param pointer  the JSON pointer of the offending value ({@code /} for the root; empty when malformed)
     * @param detailDe what is wrong, in German
     * @param detailEn what is wrong, in English
     */
    public record Finding(Kind kind, int line, int column, String pointer, String detailDe, String detailEn) {
    }

    /**
     * The document and its findings.
     *
     * @param root     the document; empty when it is not well-formed
     * @param findings the problems, in document order
     */
    public record Result(Optional<JsonNode> root, List<Finding> findings) {
        /** Whether the document is well-formed and valid. */
        public boolean isValid() {
            return root.isPresent() && findings.isEmpty();
        }
    }

    /** Reads and checks a document. */
    public Result read(byte[] json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = JsonNodes.readTree(MAPPER, new ByteArrayInputStream(json),
                    LocationJsonNodeFactoryFactory.getInstance());
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String detail = e.getOriginalMessage();
            return new Result(Optional.empty(), List.of(new Finding(Kind.MALFORMED,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "", detail, detail)));
        }
        if (root == null || root.isMissingNode()) {
            return new Result(Optional.empty(), List.of(new Finding(Kind.MALFORMED, 1, 1, "",
                    "die Datei ist leer", "the file is empty")));
        }
        List<Finding> findings = new ArrayList<>(new LinkedHashSet<>(schema.validate(root).stream()
                .map(error -> finding(root, error)).toList()));
        findings.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column)
                .thenComparing(Finding::pointer));
        return new Result(Optional.of(root), List.copyOf(findings));
    }

    /** The line of a node of a document read by {@link #read}, 0 when unknown. */
    public static int line(JsonNode node) {
        TokenStreamLocation at = node == null ? null : JsonNodes.tokenStreamLocationOf(node);
        return at == null ? 0 : at.getLineNr();
    }

    /** The column of a node of a document read by {@link #read}, 0 when unknown. */
    public static int column(JsonNode node) {
        TokenStreamLocation at = node == null ? null : JsonNodes.tokenStreamLocationOf(node);
        return at == null ? 0 : at.getColumnNr();
    }

    /**
     * What a pattern asks for: the description of the schema that holds it (written as an example, e.g.
     * {@code e.g. 30.60}), else the pattern itself.
     */
    private String form(Error error, JsonNode pattern) {
        NodePath holder = error.getSchemaLocation().getFragment().getParent();
        JsonNode description = holder == null ? null : schema.getSchemaNode().at(pointer(holder).equals("/") ? ""
                : pointer(holder)).path("description");
        return description != null && description.isString() ? description.stringValue() : list(pattern);
    }

    private Finding finding(JsonNode root, Error error) {
        String pointer = pointer(error.getInstanceLocation());
        JsonNode node = root.at(pointer.equals("/") ? "" : pointer);
        String property = error.getProperty();
        String keyword = Objects.toString(error.getKeyword(), "");
        if ("additionalProperties".equals(keyword) && property != null && node.has(property)) {
            pointer = (pointer.equals("/") ? "" : pointer) + "/" + escape(property);
            node = node.get(property);
            return at(node, pointer, "unbekannte Eigenschaft „" + property + "“",
                    "unknown property \"" + property + "\"");
        }
        JsonNode schemaNode = error.getSchemaNode();
        return switch (keyword) {
            case "required" -> at(node, pointer, "die Pflichteigenschaft „" + property + "“ fehlt",
                    "the required property \"" + property + "\" is missing");
            case "enum", "const" -> at(node, pointer, "der Wert " + shortly(node) + " ist nicht erlaubt; erlaubt: "
                    + list(schemaNode), "the value " + shortly(node) + " is not allowed; allowed: " + list(schemaNode));
            case "type" -> at(node, pointer, "falscher Typ, erwartet: " + list(schemaNode),
                    "wrong type, expected: " + list(schemaNode));
            case "pattern" -> at(node, pointer, "der Wert " + shortly(node) + " hat nicht die verlangte Form ("
                    + form(error, schemaNode) + ")", "the value " + shortly(node) + " does not have the required form ("
                    + form(error, schemaNode) + ")");
            default -> at(node, pointer, error.getMessage(), error.getMessage());
        };
    }

    private static Finding at(JsonNode node, String pointer, String de, String en) {
        return new Finding(Kind.SCHEMA, line(node), column(node), pointer, de, en);
    }

    private static String shortly(JsonNode node) {
        String text = node == null || node.isMissingNode() ? "(none)" : node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String list(JsonNode schemaNode) {
        if (schemaNode == null) {
            return "?";
        }
        if (!schemaNode.isArray()) {
            return schemaNode.isString() ? schemaNode.stringValue() : schemaNode.toString();
        }
        StringJoiner joined = new StringJoiner(", ");
        schemaNode.forEach(value -> joined.add(value.isString() ? value.stringValue() : value.toString()));
        return joined.toString();
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(Objects.toString(path.getElement(i))));
        }
        return pointer.length() == 0 ? "/" : pointer.toString();
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
