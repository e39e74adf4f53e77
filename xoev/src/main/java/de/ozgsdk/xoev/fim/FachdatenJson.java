package de.ozgsdk.xoev.fim;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.DataLimits;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.forms.jsonschema.JsonSchemaExport;
import de.ozgsdk.forms.jsonschema.JsonSchemaExporter;
import de.ozgsdk.forms.validation.CodeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes and reads FIT-Connect style "Fachdaten" JSON (keys = FIM ids) through {@link FormDataJson}, validated
 * against the JSON Schema export of forms ({@link JsonSchemaExporter}) on both ways, with violations as
 * {@link FimDataViolation}s carrying a JSON pointer.
 *
 * <pre>{@code
 * FachdatenJson fachdaten = FachdatenJson.builder(schema).codeValues(CodeValues.of(registry)).build();
 * String json = fachdaten.write(data);     // FimDataException if not valid against the JSON Schema
 * FormData back = fachdaten.read(json);
 * }</pre>
 *
 * <p>Thread-safe; create once per schema.
 */
public final class FachdatenJson {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final int MAX_VIOLATIONS = 100;

    private final FormDataJson json;
    private final JsonSchemaExport export;
    private final Schema compiled;
    private final boolean validation;
    private final String schemaId;

    private FachdatenJson(Builder b) {
        this.json = FormDataJson.of(b.schema, b.limits);
        this.export = JsonSchemaExporter.builder().codeValues(b.codeValues).build().export(b.schema);
        this.compiled = REGISTRY.getSchema(export.toJson(), InputFormat.JSON);
        this.compiled.initializeValidators();
        this.validation = b.validation;
        this.schemaId = b.schema.id().toString();
    }

    /** Fachdaten JSON for the schema: no code lists, validation on. */
    public static FachdatenJson of(FormSchema schema) {
        return builder(schema).build();
    }

    /** Starts the JSON form of a schema: no code lists, validation on, default limits. */
    public static Builder builder(FormSchema schema) {
        return new Builder(schema);
    }

    /** The JSON Schema the data are validated against. */
    public JsonSchemaExport jsonSchema() {
        return export;
    }

    /**
     * The data as JSON text.
     *
     * @throws FimDataException      when the JSON is not valid against the JSON Schema (validation on)
     * @throws InvalidInputException (forms {@code OZG-DATA-…}) when the data hold an id the schema lacks
     */
    public String write(FormData data) {
        String text = json.write(Objects.requireNonNull(data, "data"));
        check(text);
        return text;
    }

    /**
     * Reads data from JSON text, validating the text as given.
     *
     * @throws FimDataException      when the JSON is not valid against the JSON Schema (validation on)
     * @throws InvalidInputException (forms {@code OZG-DATA-…}) for malformed JSON, unknown keys, exceeded limits
     */
    public FormData read(String text) {
        FormData data = json.read(Objects.requireNonNull(text, "text"));
        check(text);
        return data;
    }

    private void check(String text) {
        if (!validation) {
            return;
        }
        List<Error> errors = compiled.validate(text, InputFormat.JSON);
        if (errors.isEmpty()) {
            return;
        }
        List<FimDataViolation> violations = new ArrayList<>();
        for (Error error : errors.subList(0, Math.min(errors.size(), MAX_VIOLATIONS))) {
            String pointer = pointer(error.getInstanceLocation());
            violations.add(new FimDataViolation(FimXmlError.JSON_SCHEMA_VIOLATION, pointer, OptionalInt.empty(),
                    OptionalInt.empty(), Optional.of(pointer), List.of(Objects.toString(error.getKeyword(), "other"))));
        }
        throw new FimDataException(schemaId, violations);
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(Objects.toString(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.length() == 0 ? "/" : pointer.toString();
    }

    /** Builds a {@link FachdatenJson}. */
    public static final class Builder {
        private final FormSchema schema;
        private CodeValues codeValues = CodeValues.none();
        private boolean validation = true;
        private DataLimits limits = DataLimits.DEFAULT;

        private Builder(FormSchema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
        }

        /** Where the codes of code lists come from (enums of the JSON Schema); default {@link CodeValues#none()}. */
        public Builder codeValues(CodeValues codeValues) {
            this.codeValues = Objects.requireNonNull(codeValues, "codeValues");
            return this;
        }

        /** Whether written and read JSON is validated against the JSON Schema; default {@code true}. */
        public Builder validation(boolean validation) {
            this.validation = validation;
            return this;
        }

        /** Limits for reading; default {@link DataLimits#DEFAULT}. */
        public Builder limits(DataLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public FachdatenJson build() {
            return new FachdatenJson(this);
        }
    }
}
