package de.ozgsdk.forms.internal.jsonschema;

import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.AttachedRule;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementMetadata;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.forms.internal.data.ValueParser;
import de.ozgsdk.forms.jsonschema.ExportNote;
import de.ozgsdk.forms.jsonschema.JsonSchemaError;
import de.ozgsdk.forms.validation.CodeValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one {@link FormSchema} as a JSON Schema 2020-12 document for the JSON form of {@code FormDataJson}, with the
 * semantics of {@code FormValidator}: a blank value or an instance without any non-blank value counts as absent,
 * counts of repeated elements count only filled entries ({@code contains} with {@code minContains} /
 * {@code maxContains}), an Auswahlgruppe needs exactly one filled alternative ({@code oneOf}).
 *
 * <p>Groups are emitted once under {@code $defs} (keyed by id and version, e.g. {@code G60000086V1.2}) and referenced
 * at every place; so are fields used at more than one place. Fixed parts are shared {@code $defs} too:
 * {@code blank}, {@code date}, {@code time}, {@code datetime}, {@code text_latin}. Not thread-safe: one writer per
 * export.
 */
public final class SchemaWriter {

    /** Money's limits: at most 13 integer digits and 2 decimals. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");
    private static final BigDecimal CENT = new BigDecimal("0.01");
    /**
     * White space as {@link Character#isWhitespace} (which {@link String#isBlank} uses): not the no-break spaces
     * U+00A0, U+2007 and U+202F, but the separators U+001C to U+001F.
     */
    private static final String BLANK_PATTERN =
            "^[\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]*$";
    private static final String DEFS = "#/$defs/";

    private final JsonNodeFactory f = JsonNodeFactory.instance; // Jackson 3 keeps decimals exact: 1.50 stays 1.50
    private final Locale locale;
    private final CodeValues codeValues;
    private final List<ExportNote> notes = new ArrayList<>();
    private final Map<SchemaElement, Integer> uses = new IdentityHashMap<>();
    private final Map<SchemaElement, String> defNames = new IdentityHashMap<>();
    private final Set<String> takenNames = new HashSet<>();
    private final Map<String, ObjectNode> elementDefs = new LinkedHashMap<>();
    private final Set<String> fixedDefs = new TreeSet<>();

    public SchemaWriter(Locale locale, CodeValues codeValues) {
        this.locale = locale;
        this.codeValues = codeValues;
    }

    /** The JSON Schema document of the form. */
    public ObjectNode write(FormSchema schema, String id) {
        countUses(schema.children(), new HashSet<>());
        ObjectNode root = f.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", id);
        annotate(root, schema.metadata());
        root.setAll(objectSchema(schema.children(), false));
        ObjectNode defs = f.objectNode();
        elementDefs.forEach(defs::set);
        fixedDefs.forEach(name -> defs.set(name, fixedDef(name)));
        if (!defs.isEmpty()) {
            root.set("$defs", defs);
        }
        for (AttachedRule rule : schema.rules()) {
            note(JsonSchemaError.RULE_NOT_STATED, rule.owner().toString(), rule.rule().id().toString());
        }
        return root;
    }

    /** The notes of the last {@link #write}. */
    public List<ExportNote> notes() {
        return List.copyOf(notes);
    }

    // ---- structure

    private void countUses(List<ElementRef> children, Set<FieldGroup> visited) {
        for (ElementRef child : children) {
            uses.merge(child.element(), 1, Integer::sum);
            if (child.element() instanceof FieldGroup group && visited.add(group)) {
                countUses(group.children(), visited);
            }
        }
    }

    private ObjectNode objectSchema(List<ElementRef> children, boolean choice) {
        ObjectNode node = f.objectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = f.arrayNode();
        ArrayNode alternatives = f.arrayNode();
        for (Map.Entry<String, List<ElementRef>> entry : placesById(children).entrySet()) {
            String key = entry.getKey();
            List<ElementRef> places = entry.getValue();
            properties.set(key, place(places, choice));
            if (!choice && !isLabel(places) && places.stream().anyMatch(p -> p.multiplicity().isRequired())) {
                required.add(key);
            }
            if (choice) {
                ObjectNode alternative = alternatives.addObject();
                alternative.putArray("required").add(key);
                alternative.putObject("properties").set(key, notBlank());
            }
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        node.put("additionalProperties", false);
        if (choice && !alternatives.isEmpty()) {
            node.set("oneOf", alternatives);
        }
        return node;
    }

    /** The places of each id in file order; an id used at several places of one level has one key in JSON. */
    private static Map<String, List<ElementRef>> placesById(List<ElementRef> children) {
        Map<String, List<ElementRef>> places = new LinkedHashMap<>();
        for (ElementRef child : children) {
            places.computeIfAbsent(child.id().id(), k -> new ArrayList<>()).add(child);
        }
        return places;
    }

    private static boolean isLabel(List<ElementRef> places) {
        return places.stream().anyMatch(p -> p.element() instanceof Field field && field.kind() == FieldKind.LABEL);
    }

    /**
     * The schema of the value under one key: the element's value schema wrapped for blankness and Multiplizität. When
     * an id has several places at one level, the validator checks the data against each of them, so the counts
     * combine (largest minimum, smallest maximum), and {@code FormDataJson} writes the shape of the last place.
     */
    private ObjectNode place(List<ElementRef> places, boolean inChoice) {
        if (isLabel(places)) {
            ObjectNode node = ref(fixed("blank"));
            node.put("$comment", "Feldart label: holds no data");
            return node;
        }
        int min = places.stream().mapToInt(p -> p.multiplicity().min()).max().orElse(0);
        OptionalInt max = places.stream().map(ElementRef::multiplicity).filter(m -> m.max().isPresent())
                .mapToInt(m -> m.max().getAsInt()).min();
        boolean array = places.get(places.size() - 1).multiplicity().isRepeatable();
        ObjectNode value = valueSchema(places);
        if (!array) {
            if (min > 1) {
                return f.objectNode().set("not", f.objectNode()); // one value cannot satisfy a minimum above one
            }
            if (min == 1 && !inChoice) {
                value.set("not", ref(fixed("blank")));
                return value;
            }
            return anyOf(ref(fixed("blank")), value);
        }
        ObjectNode node = f.objectNode();
        node.put("type", "array");
        node.set("items", anyOf(ref(fixed("blank")), value));
        if (min > 0 || max.isPresent()) {
            node.set("contains", notBlank());
            node.put("minContains", min);
            max.ifPresent(m -> node.put("maxContains", m));
        }
        return inChoice && min > 0 ? anyOf(ref(fixed("blank")), node) : node;
    }

    private ObjectNode valueSchema(List<ElementRef> places) {
        List<SchemaElement> elements = new ArrayList<>();
        for (ElementRef place : places) {
            if (elements.stream().noneMatch(e -> e == place.element())) {
                elements.add(place.element());
            }
        }
        if (elements.size() == 1) {
            return valueSchema(elements.get(0));
        }
        ObjectNode node = f.objectNode();
        ArrayNode allOf = node.putArray("allOf");
        elements.forEach(e -> allOf.add(valueSchema(e)));
        return node;
    }

    private ObjectNode valueSchema(SchemaElement element) {
        if (element instanceof FieldGroup group) {
            return ref(defName(group, () -> groupSchema(group)));
        }
        Field field = (Field) element;
        if (uses.getOrDefault(field, 0) > 1) {
            return ref(defName(field, () -> fieldSchema(field)));
        }
        return fieldSchema(field);
    }

    private String defName(SchemaElement element, Supplier<ObjectNode> schema) {
        String existing = defNames.get(element);
        if (existing != null) {
            return existing;
        }
        String name = element.metadata().id().toString();
        for (int i = 2; !takenNames.add(name); i++) {
            name = element.metadata().id() + "-" + i;
        }
        defNames.put(element, name);
        elementDefs.put(name, f.objectNode()); // keeps the order of first use, also for nested groups
        elementDefs.put(name, schema.get());
        return name;
    }

    private ObjectNode groupSchema(FieldGroup group) {
        ObjectNode node = f.objectNode();
        annotate(node, group.metadata());
        node.setAll(objectSchema(group.children(), group.isChoice()));
        return node;
    }

    // ---- fields

    private ObjectNode fieldSchema(Field field) {
        ObjectNode node = f.objectNode();
        annotate(node, field.metadata());
        DataType type = field.dataType();
        Precision precision = field.precision();
        switch (type) {
            case TEXT, TEXT_LATIN -> {
                if (type == DataType.TEXT_LATIN) {
                    node.put("$ref", DEFS + fixed("text_latin"));
                }
                node.put("type", "string");
                precision.minLength().ifPresent(n -> node.put("minLength", n));
                precision.maxLength().ifPresent(n -> node.put("maxLength", n));
            }
            case NUM, NUM_INT, NUM_CURRENCY -> numberSchema(node, field);
            case BOOL -> node.put("type", "boolean");
            case DATE, TIME, DATETIME -> temporalSchema(node, field);
            case FILE, OBJ -> node.put("type", "string");
        }
        pattern(node, field);
        codes(field).ifPresent(codes -> node.set("enum", codes));
        return node;
    }

    private void numberSchema(ObjectNode node, Field field) {
        DataType type = field.dataType();
        node.put("type", type == DataType.NUM_INT ? "integer" : "number");
        Optional<BigDecimal> min = numericLimit(field, "minValue", field.precision().minValue());
        Optional<BigDecimal> max = numericLimit(field, "maxValue", field.precision().maxValue());
        if (type == DataType.NUM_CURRENCY) {
            node.put("multipleOf", CENT);
            min = Optional.of(min.map(m -> m.max(MAX_AMOUNT.negate())).orElse(MAX_AMOUNT.negate()));
            max = Optional.of(max.map(m -> m.min(MAX_AMOUNT)).orElse(MAX_AMOUNT));
        }
        min.ifPresent(m -> node.put("minimum", m));
        max.ifPresent(m -> node.put("maximum", m));
    }

    private Optional<BigDecimal> numericLimit(Field field, String name, Optional<String> text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<BigDecimal> limit = ValueParser.decimal(text.get().strip());
        if (limit.isEmpty()) {
            note(JsonSchemaError.LIMIT_NOT_UNDERSTOOD, field.metadata().id().toString(), name, text.get(),
                    field.dataType().code());
        }
        return limit;
    }

    private void temporalSchema(ObjectNode node, Field field) {
        DataType type = field.dataType();
        node.put("$ref", DEFS + fixed(type.code()));
        ArrayNode range = f.arrayNode();
        temporalLimit(field, "minValue", field.precision().minValue())
                .ifPresent(limit -> range.addObject().put("pattern", TemporalPatterns.notBefore(type, limit)));
        temporalLimit(field, "maxValue", field.precision().maxValue())
                .ifPresent(limit -> range.addObject().put("pattern", TemporalPatterns.notAfter(type, limit)));
        if (!range.isEmpty()) {
            node.set("allOf", range);
        }
    }

    /** The canonical local text of a temporal limit (offsets dropped, as the validator compares local values). */
    private Optional<String> temporalLimit(Field field, String name, Optional<String> text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Object> value = ValueParser.parse(field.dataType(), text.get());
        if (value.isEmpty()) {
            note(JsonSchemaError.LIMIT_NOT_UNDERSTOOD, field.metadata().id().toString(), name, text.get(),
                    field.dataType().code());
            return Optional.empty();
        }
        Object v = value.get() instanceof OffsetDateTime o ? o.toLocalDateTime() : value.get();
        return Optional.of(v instanceof LocalDateTime l ? l.toString() : ValueParser.canonical(v));
    }

    private void pattern(ObjectNode node, Field field) {
        Precision precision = field.precision();
        String id = field.metadata().id().toString();
        if (precision.pattern().isEmpty()) {
            return;
        }
        String text = precision.pattern().get();
        if (precision.compiledPattern().isEmpty()) {
            note(JsonSchemaError.PATTERN_NOT_REGEX, id, text);
            return;
        }
        DataType type = field.dataType();
        if (!(type.isText() || type == DataType.FILE || type == DataType.OBJ)) {
            note(JsonSchemaError.PATTERN_ON_TYPED_VALUE, id, type.code());
            return;
        }
        String regex = precision.compiledPattern().get().pattern();
        Optional<String> unportable = PortableRegex.unportable(regex);
        if (unportable.isPresent()) {
            note(JsonSchemaError.PATTERN_NOT_PORTABLE, id, regex, unportable.get());
            return;
        }
        node.put("pattern", PortableRegex.anchored(regex));
    }

    /** The allowed codes as JSON values of the field's type: inline values first, else the code list. */
    private Optional<ArrayNode> codes(Field field) {
        String id = field.metadata().id().toString();
        List<String> codes;
        if (!field.values().isEmpty()) {
            codes = field.values().stream().map(InlineValue::code).toList();
        } else if (field.codeList().isPresent()) {
            Optional<Set<String>> listed = codeValues.codes(field.codeList().get(), field.codeListColumns());
            if (listed.isEmpty()) {
                note(JsonSchemaError.CODE_LIST_UNAVAILABLE, id, field.codeList().get().toString());
                return Optional.empty();
            }
            codes = List.copyOf(new TreeSet<>(listed.get())); // sorted: the lookup's order is not stable
        } else {
            return Optional.empty();
        }
        DataType type = field.dataType();
        boolean typed = !(type.isText() || type == DataType.FILE || type == DataType.OBJ);
        if (typed) {
            note(JsonSchemaError.CODES_ON_TYPED_VALUE, id, type.code());
        }
        Set<JsonNode> values = new LinkedHashSet<>();
        for (String code : codes) {
            if (!typed) {
                values.add(f.stringNode(code));
            } else {
                ValueParser.parse(type, code).ifPresent(v -> values.add(typedValue(v)));
            }
        }
        ArrayNode array = f.arrayNode();
        values.forEach(array::add);
        return Optional.of(array);
    }

    private JsonNode typedValue(Object value) {
        if (value instanceof BigDecimal d) {
            return f.numberNode(d);
        }
        if (value instanceof BigInteger i) {
            return f.numberNode(i);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        return f.stringNode(ValueParser.canonical(value));
    }

    // ---- shared parts

    private String fixed(String name) {
        fixedDefs.add(name);
        return name;
    }

    private ObjectNode fixedDef(String name) {
        ObjectNode node = f.objectNode();
        switch (name) {
            case "blank" -> {
                node.put("$comment", "A value that counts as not given: a blank text, or an array or object of"
                        + " blank values only (an empty group instance).");
                ArrayNode anyOf = node.putArray("anyOf");
                anyOf.addObject().put("type", "string").put("pattern", BLANK_PATTERN);
                anyOf.addObject().put("type", "array").set("items", ref("blank"));
                anyOf.addObject().put("type", "object").set("additionalProperties", ref("blank"));
            }
            case "text_latin" -> {
                node.put("$comment", "DIN SPEC 91379 datatype C (String.Latin+), characters as in NFC.");
                node.put("type", "string").put("pattern", LatinPattern.pattern());
            }
            case "date" -> node.put("type", "string").put("format", "date")
                    .put("pattern", TemporalPatterns.valid(DataType.DATE));
            case "time", "datetime" -> {
                node.put("$comment", "ISO 8601 as written by the SDK: seconds omitted when zero, offset optional.");
                node.put("type", "string").put("pattern",
                        TemporalPatterns.valid("time".equals(name) ? DataType.TIME : DataType.DATETIME));
            }
            default -> throw new IllegalStateException("unknown fixed definition " + name);
        }
        return node;
    }

    private ObjectNode ref(String defName) {
        return f.objectNode().put("$ref", DEFS + defName);
    }

    private ObjectNode notBlank() {
        ObjectNode node = f.objectNode();
        node.set("not", ref(fixed("blank")));
        return node;
    }

    private ObjectNode anyOf(ObjectNode first, ObjectNode second) {
        ObjectNode node = f.objectNode();
        node.putArray("anyOf").add(first).add(second);
        return node;
    }

    private void annotate(ObjectNode node, ElementMetadata metadata) {
        node.put("title", metadata.label().get(locale));
        Optional<String> description = metadata.inputHelp().map(this::localized).or(metadata::description);
        description.filter(d -> !d.isBlank()).ifPresent(d -> node.put("description", d));
    }

    private String localized(LocalizedText text) {
        return text.get(locale);
    }

    private void note(JsonSchemaError code, String elementId, String... details) {
        notes.add(new ExportNote(code, elementId, List.of(details)));
    }
}
