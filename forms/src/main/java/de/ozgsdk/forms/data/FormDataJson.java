package de.ozgsdk.forms.data;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.internal.data.SchemaIndex;
import de.ozgsdk.forms.internal.data.ValueParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts {@link FormData} of one schema to and from JSON in the style of FIT-Connect "Fachdaten": keys are the FIM
 * ids, a field is a value (an array when its Multiplizität allows more than one), a group is an object (an array of
 * objects when it repeats).
 *
 * <pre class="language-json">{@code
 * {"F60000227": "Müller", "F60000300": 3, "F60000301": true,
 *  "G60000086": {"F60000243": "Hauptstraße"},
 *  "G60000090": [{"F60000250": "2024-01-31"}, {"F60000250": "2024-02-29"}]}
 * }</pre>
 *
 * <p><b>Output</b> is typed where the Datentyp says so and the entered value is valid: numbers ({@code num},
 * {@code num_int}, {@code num_currency}, German decimal comma read) as JSON numbers, {@code bool} as JSON booleans,
 * dates and times in ISO form ({@code 31.01.2024} becomes {@code "2024-01-31"}); anything else, and any value that
 * does not parse, as the string entered, so nothing is lost. Elements appear in schema order.
 *
 * <p><b>Input</b> is tolerant in form (a number or a string for any field, a single object for a repeating group, an
 * array for a non-repeating one, {@code null} for "absent") but strict in content: a key the schema does not have at
 * that place is an {@link InvalidInputException} ({@link DataError#UNKNOWN_ELEMENT}) naming the path, because JSON
 * comes from programs (drafts, API clients, other systems) where an unknown key means a schema version mismatch or a
 * typo, and dropping it silently would lose data. Duplicate keys, nesting, sizes and counts are limited
 * ({@link DataLimits}; documents up to 16 MB). Thread-safe; create one per schema.
 */
public final class FormDataJson {

    private static final int MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;
    private static final int MAX_NUMBER_DIGITS = 60;

    private final SchemaIndex index;
    private final FormSchema schema;
    private final DataLimits limits;
    private final JsonMapper mapper;

    private FormDataJson(FormSchema schema, DataLimits limits) {
        this.schema = schema;
        this.index = new SchemaIndex(schema);
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(200)
                        .maxStringLength(Math.max(limits.maxValueLength(), 1_000))
                        .maxNameLength(1_000)
                        .maxNumberLength(MAX_NUMBER_DIGITS)
                        .maxDocumentLength(MAX_DOCUMENT_CHARS)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // the caller's reader stays open (read(Reader)); strings have nothing to close
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .build();
    }

    /** JSON for this schema with {@link DataLimits#DEFAULT}. */
    public static FormDataJson of(FormSchema schema) {
        return new FormDataJson(Objects.requireNonNull(schema, "schema"), DataLimits.DEFAULT);
    }

    /** JSON for this schema with the given limits. */
    public static FormDataJson of(FormSchema schema, DataLimits limits) {
        return new FormDataJson(Objects.requireNonNull(schema, "schema"), Objects.requireNonNull(limits, "limits"));
    }

    /** The schema this converter is for. */
    public FormSchema schema() {
        return schema;
    }

    /**
     * The data as a JSON text.
     *
     * @throws InvalidInputException ({@link DataError#UNKNOWN_ELEMENT}) when the data holds an id the schema does
     *                               not have at that place
     */
    public String write(FormData data) {
        try {
            return mapper.writeValueAsString(toTree(data));
        } catch (JacksonException e) {
            throw new ProcessingException(DataError.WRITE_FAILED, e, e.getOriginalMessage());
        }
    }

    /** Writes the data as JSON to a writer (which stays open). */
    public void write(FormData data, Writer out) {
        ObjectNode tree = toTree(data);
        try {
            mapper.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).writeValue(out, tree);
        } catch (JacksonIOException e) {
            throw new ProcessingException(DataError.WRITE_FAILED, e.getCause(), e.getCause().getMessage());
        } catch (JacksonException e) {
            throw new ProcessingException(DataError.WRITE_FAILED, e, e.getMessage());
        }
    }

    /** The data as a Jackson tree, e.g. to hand to a JSON Schema validator. */
    public ObjectNode toTree(FormData data) {
        return writeGroup(data, schema.children(), Optional.empty(), Optional.empty());
    }

    /**
     * Reads data from a JSON text.
     *
     * @throws InvalidInputException {@link DataError#JSON_MALFORMED} (with line and column) for malformed JSON or
     *                               exceeded parser limits, {@link DataError#UNKNOWN_ELEMENT} and
     *                               {@link DataError#JSON_WRONG_SHAPE} (with path) for content that does not fit the
     *                               schema, {@link DataError#TOO_MANY_VALUES}, {@link DataError#VALUE_TOO_LONG},
     *                               {@link DataError#TOO_MANY_REPETITIONS} for exceeded {@link DataLimits}
     */
    public FormData read(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return readStreaming(json);
        } catch (RuntimeException e) {
            return readViaTree(new StringReader(json));
        }
    }

    /** Reads data from JSON text (the reader stays open). */
    public FormData read(Reader json) {
        RecordingReader recorded = new RecordingReader(Objects.requireNonNull(json, "json"));
        try {
            return readStreaming(mapper.createParser(recorded));
        } catch (RuntimeException e) {
            if (recorded.failure != null) {
                throw new ProcessingException(DataError.JSON_MALFORMED, recorded.failure, -1, -1,
                        shorten(recorded.failure.getMessage()));
            }
            return readViaTree(recorded.replay());
        }
    }

    /**
     * Reads JSON text through a tree, which reports every problem exactly: the streaming reader only finds that there
     * is one and hands over to this one.
     */
    FormData readViaTree(Reader json) {
        JsonNode tree;
        try (JsonParser parser = mapper.createParser(json)) {
            tree = mapper.readTree(parser);
        } catch (JacksonIOException e) {
            // the reader failed, not the text (Jackson 3 wraps the IOException, unchecked)
            throw new ProcessingException(DataError.JSON_MALFORMED, e.getCause(), -1, -1,
                    shorten(e.getCause().getMessage()));
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new InvalidInputException(DataError.JSON_MALFORMED, e, at == null ? -1 : at.getLineNr(),
                    at == null ? -1 : at.getColumnNr(), shorten(e.getOriginalMessage()));
        } catch (NumberFormatException | ArithmeticException e) {
            // Jackson reports numbers it cannot represent (exponent overflow) this way, not as a parse error
            throw new InvalidInputException(DataError.JSON_MALFORMED, e, -1, -1, shorten(e.getMessage()));
        } catch (UncheckedIOException e) {
            throw new ProcessingException(DataError.JSON_MALFORMED, e, -1, -1, shorten(e.getMessage()));
        }
        return fromTree(tree);
    }

    /** Reads data from a Jackson tree; see {@link #read(String)}. */
    public FormData fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidInputException(DataError.JSON_WRONG_SHAPE, "/", "an object with FIM ids as keys",
                    tree == null || tree.isMissingNode() ? "nothing" : tree.getNodeType().name().toLowerCase());
        }
        return readGroup((ObjectNode) tree, Optional.empty(), Optional.empty(), new int[1]);
    }

    // ---- reading, fast path
    //
    // Most input is valid, so the fast path streams the tokens straight into FormData and stops at the first problem
    // of any kind (syntax, limits, content). The tree reader then reads the text again and reports that problem with
    // its exact code, path and position, in the order documented on read(String): syntax before content, and a
    // repetition limit of an array before anything inside it. On valid input both readers give equal data, which
    // FormDataJsonStreamingTest checks against each other.

    /** The fast path alone: data, or an exception that says only that there is a problem. */
    FormData readStreaming(String json) {
        return readStreaming(mapper.createParser(json));
    }

    /** Reads with a streaming parser, or throws {@link StreamingStop} (or a parser error) at the first problem. */
    private FormData readStreaming(JsonParser parser) {
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw StreamingStop.INSTANCE;
            }
            FormData data = streamGroup(parser, index.topLevel(), new int[1]);
            if (parser.nextToken() != null) {
                throw StreamingStop.INSTANCE;
            }
            return data;
        }
    }

    private FormData streamGroup(JsonParser parser, Map<String, ElementRef> children, int[] count) {
        FormData.Builder builder = FormData.builder();
        String id;
        while ((id = parser.nextName()) != null) {
            ElementRef ref = children.get(id);
            if (ref == null) {
                throw StreamingStop.INSTANCE;
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            if (ref.element() instanceof Field) {
                builder.values(id, streamValues(parser, token, count));
            } else if (ref.element() instanceof FieldGroup group) {
                builder.groups(id, streamInstances(parser, token, index.childrenOf(group), count));
            }
        }
        return builder.build();
    }

    private List<String> streamValues(JsonParser parser, JsonToken token, int[] count) {
        if (token != JsonToken.START_ARRAY) {
            return List.of(streamScalar(parser, token, count));
        }
        List<String> values = new ArrayList<>();
        int size = 0;
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (++size > limits.maxRepetitions()) {
                throw StreamingStop.INSTANCE;
            }
            if (item != JsonToken.VALUE_NULL) {
                values.add(streamScalar(parser, item, count));
            }
        }
        return values;
    }

    private List<FormData> streamInstances(JsonParser parser, JsonToken token, Map<String, ElementRef> children,
                                           int[] count) {
        if (token == JsonToken.START_OBJECT) {
            return List.of(streamGroup(parser, children, count));
        }
        if (token != JsonToken.START_ARRAY) {
            throw StreamingStop.INSTANCE;
        }
        List<FormData> instances = new ArrayList<>();
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (item != JsonToken.START_OBJECT || instances.size() == limits.maxRepetitions()) {
                throw StreamingStop.INSTANCE;
            }
            instances.add(streamGroup(parser, children, count));
        }
        return instances;
    }

    /** As {@link #scalar(JsonNode, String, int[])} does for a tree node. */
    private String streamScalar(JsonParser parser, JsonToken token, int[] count) {
        if (++count[0] > limits.maxValues()) {
            throw StreamingStop.INSTANCE;
        }
        String text = switch (token) {
            case VALUE_STRING -> parser.getString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.INT
                    ? Integer.toString(parser.getIntValue()) : parser.getBigIntegerValue().toString();
            case VALUE_NUMBER_FLOAT -> plainDecimal(parser.getDecimalValue());
            default -> throw StreamingStop.INSTANCE;
        };
        if (text.length() > limits.maxValueLength()) {
            throw StreamingStop.INSTANCE;
        }
        return text;
    }

    private static String plainDecimal(BigDecimal d) {
        if (!isReasonable(d)) {
            throw StreamingStop.INSTANCE;
        }
        return d.toPlainString();
    }

    /** 1e999999999 is a short token but a billion digits as plain text: refuse what no form field can mean. */
    private static boolean isReasonable(BigDecimal d) {
        return Math.abs(d.scale()) <= MAX_NUMBER_DIGITS && d.precision() - d.scale() <= MAX_NUMBER_DIGITS;
    }

    /** Ends the streaming reader at the first problem; carries nothing, since the tree reader reports the problem. */
    private static final class StreamingStop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final StreamingStop INSTANCE = new StreamingStop();

        private StreamingStop() {
            super("streaming read stopped", null, false, false);
        }
    }

    /** Keeps what the streaming parser read from a reader, so that the tree reader can read the same text again. */
    private static final class RecordingReader extends Reader {
        private final Reader in;
        private final StringBuilder seen = new StringBuilder();
        private IOException failure;

        RecordingReader(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
            if (n > 0) {
                seen.append(buffer, offset, n);
            }
            return n;
        }

        @Override
        public void close() {
            // the caller's reader stays open
        }

        /** The text read so far followed by the rest of the input. */
        Reader replay() {
            Reader head = new StringReader(seen.toString());
            return new Reader() {
                private boolean headDone;

                @Override
                public int read(char[] buffer, int offset, int length) throws IOException {
                    if (!headDone) {
                        int n = head.read(buffer, offset, length);
                        if (n > 0 || length == 0) {
                            return n;
                        }
                        headDone = true;
                    }
                    return in.read(buffer, offset, length);
                }

                @Override
                public void close() {
                    // the caller's reader stays open
                }
            };
        }
    }

    // ---- writing

    private ObjectNode writeGroup(FormData data, List<ElementRef> children, Optional<FieldGroup> group,
                                  Optional<DataPath> prefix) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (String id : data.ids()) {
            if (index.child(group, id).isEmpty()) {
                throw new InvalidInputException(DataError.UNKNOWN_ELEMENT, path(prefix, id),
                        group.map(g -> g.id().id()).orElse(schema.id().id()));
            }
        }
        for (ElementRef child : children) {
            String id = child.id().id();
            if (!data.ids().contains(id)) {
                continue;
            }
            boolean repeatable = child.multiplicity().isRepeatable();
            if (child.element() instanceof Field field) {
                List<String> values = data.values(id);
                if (values.isEmpty()) {
                    throw kindMismatch(prefix, id, "field");
                }
                if (repeatable || values.size() > 1) {
                    ArrayNode array = node.putArray(id);
                    values.forEach(v -> array.add(typed(field.dataType(), v)));
                } else {
                    node.set(id, typed(field.dataType(), values.get(0)));
                }
            } else if (child.element() instanceof FieldGroup childGroup) {
                List<FormData> instances = data.groups(id);
                if (instances.isEmpty()) {
                    throw kindMismatch(prefix, id, "group");
                }
                if (repeatable || instances.size() > 1) {
                    ArrayNode array = node.putArray(id);
                    for (int i = 0; i < instances.size(); i++) {
                        array.add(writeGroup(instances.get(i), childGroup.children(), Optional.of(childGroup),
                                Optional.of(extend(prefix, id, i))));
                    }
                } else {
                    node.set(id, writeGroup(instances.get(0), childGroup.children(), Optional.of(childGroup),
                            Optional.of(extend(prefix, id, 0))));
                }
            }
        }
        return node;
    }

    private static JsonNode typed(DataType type, String raw) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Optional<Object> value = ValueParser.parse(type, raw);
        if (value.isEmpty() || raw.isBlank()) {
            return f.stringNode(raw);
        }
        Object v = value.get();
        if (v instanceof BigDecimal d) {
            return f.numberNode(d);
        }
        if (v instanceof BigInteger i) {
            return f.numberNode(i);
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        return type.isText() || type == DataType.FILE || type == DataType.OBJ
                ? f.stringNode(raw) : f.stringNode(ValueParser.canonical(v));
    }

    // ---- reading

    private FormData readGroup(ObjectNode node, Optional<FieldGroup> group, Optional<DataPath> prefix, int[] count) {
        FormData.Builder builder = FormData.builder();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String id = entry.getKey();
            ElementRef ref = index.child(group, id).orElseThrow(() -> new InvalidInputException(
                    DataError.UNKNOWN_ELEMENT, path(prefix, id),
                    group.map(g -> g.id().id()).orElse(schema.id().id())));
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (ref.element() instanceof Field) {
                builder.values(id, readValues(value, prefix, id, count));
            } else if (ref.element() instanceof FieldGroup childGroup) {
                builder.groups(id, readInstances(value, childGroup, prefix, id, count));
            }
        }
        return builder.build();
    }

    private List<String> readValues(JsonNode value, Optional<DataPath> prefix, String id, int[] count) {
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            checkRepetitions(value.size(), prefix, id);
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isNull()) {
                    values.add(scalar(item, extend(prefix, id, i).toString(), count));
                }
            }
        } else {
            values.add(scalar(value, path(prefix, id), count));
        }
        return values;
    }

    private List<FormData> readInstances(JsonNode value, FieldGroup group, Optional<DataPath> prefix, String id,
                                         int[] count) {
        List<FormData> instances = new ArrayList<>();
        if (value.isObject()) {
            instances.add(readGroup((ObjectNode) value, Optional.of(group), Optional.of(extend(prefix, id, 0)),
                    count));
        } else if (value.isArray()) {
            checkRepetitions(value.size(), prefix, id);
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isObject()) {
                    throw new InvalidInputException(DataError.JSON_WRONG_SHAPE, extend(prefix, id, i),
                            "an object (group instance)", item.getNodeType().name().toLowerCase());
                }
                instances.add(readGroup((ObjectNode) item, Optional.of(group), Optional.of(extend(prefix, id, i)),
                        count));
            }
        } else {
            throw new InvalidInputException(DataError.JSON_WRONG_SHAPE, path(prefix, id),
                    "an object or an array of objects (group)", value.getNodeType().name().toLowerCase());
        }
        return instances;
    }

    private String scalar(JsonNode node, String path, int[] count) {
        if (++count[0] > limits.maxValues()) {
            throw new InvalidInputException(DataError.TOO_MANY_VALUES, limits.maxValues());
        }
        String text;
        if (node.isString()) {
            text = node.stringValue();
        } else if (node.isBoolean()) {
            text = Boolean.toString(node.booleanValue());
        } else if (node.isNumber()) {
            text = number(node, path);
        } else {
            throw new InvalidInputException(DataError.JSON_WRONG_SHAPE, path, "a string, number or boolean (field)",
                    node.getNodeType().name().toLowerCase());
        }
        if (text.length() > limits.maxValueLength()) {
            throw new InvalidInputException(DataError.VALUE_TOO_LONG, path, limits.maxValueLength());
        }
        return text;
    }

    private static String number(JsonNode node, String path) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        BigDecimal d;
        try {
            d = node.decimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(DataError.JSON_WRONG_SHAPE, path, "a number of reasonable size", "number");
        }
        if (!isReasonable(d)) {
            throw new InvalidInputException(DataError.JSON_WRONG_SHAPE, path,
                    "a number with at most " + MAX_NUMBER_DIGITS + " digits before and after the point",
                    "number");
        }
        return d.toPlainString();
    }

    private void checkRepetitions(int size, Optional<DataPath> prefix, String id) {
        if (size > limits.maxRepetitions()) {
            throw new InvalidInputException(DataError.TOO_MANY_REPETITIONS, path(prefix, id),
                    limits.maxRepetitions());
        }
    }

    private static InvalidInputException kindMismatch(Optional<DataPath> prefix, String id, String expected) {
        return new InvalidInputException(DataError.PATH_KIND_MISMATCH, path(prefix, id), expected);
    }

    private static DataPath extend(Optional<DataPath> prefix, String id, int index) {
        return prefix.map(p -> p.child(id, index)).orElseGet(() -> DataPath.of(id, index));
    }

    private static String path(Optional<DataPath> prefix, String id) {
        String safeId = DataPath.quote(id);
        return prefix.map(p -> p + "." + safeId.substring(1, safeId.length() - 1))
                .orElse(safeId.substring(1, safeId.length() - 1));
    }

    private static String shorten(String message) {
        String text = message == null ? "" : message.replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
