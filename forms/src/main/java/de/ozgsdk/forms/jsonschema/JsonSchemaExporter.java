package de.ozgsdk.forms.jsonschema;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.internal.jsonschema.SchemaWriter;
import de.ozgsdk.forms.validation.CodeValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Exports a {@link FormSchema} as a JSON Schema 2020-12 document that describes the JSON form of
 * {@link de.ozgsdk.forms.data.FormDataJson} and states the constraints {@link de.ozgsdk.forms.validation.FormValidator}
 * checks, so that other systems (API clients, a back office, a JavaScript front end) can check data the same way.
 *
 * <pre>{@code
 * FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"));
 * JsonSchemaExporter exporter = JsonSchemaExporter.builder()   // with a FimForm: form.jsonSchema()
 *         .baseUri("https://formulare.example.de/schemas/")
 *         .codeValues(CodeValues.of(registry))
 *         .build();
 * JsonSchemaExport export = exporter.export(schema);
 * Files.writeString(dir.resolve("S05000058.schema.json"), export.toJson());
 * export.notes().forEach(note -> log.info("{}", note)); // what the JSON Schema cannot state
 * }</pre>
 *
 * <p><b>What the schema says.</b> Keys are FIM ids, {@code additionalProperties: false} (the SDK refuses unknown ids
 * too); a field is a typed value ({@code num}, {@code num_currency} → number, {@code num_int} → integer,
 * {@code bool} → boolean, {@code date}/{@code time}/{@code datetime} → ISO strings checked by pattern, including
 * minValue/maxValue, text → string with minLength/maxLength/pattern), an array when its Multiplizität repeats; a group
 * is an object ({@code $defs}, referenced at each place), an array of objects when it repeats. Codes of inline values
 * and available code lists become {@code enum}; {@code text_latin} gets the DIN SPEC 91379 character set. A blank value
 * or an instance with only blank values counts as absent, as in the validator. {@code format} is only an annotation
 * in 2020-12, so every assertion is made with {@code pattern}.
 *
 * <p><b>What it cannot say</b> is listed per element in {@link JsonSchemaExport#notes()} (rules, non-portable
 * patterns, missing code lists), and in general: the validator strips surrounding white space before checking
 * lengths, patterns and codes, and checks {@code text_latin} in Unicode NFC, while the schema checks the text as
 * written; the validator refuses currency amounts written with more than two decimals even when they are zeros
 * ({@code 1.500}) or with a plus sign, which a JSON number does not show; a field or group that does not repeat but
 * holds several values of which all but one are blank is written as an array, which the schema refuses. Thread-safe;
 * create once.
 */
public final class JsonSchemaExporter {

    /** The base of {@code $id} unless {@link Builder#baseUri} says otherwise. */
    public static final String DEFAULT_BASE_URI = "urn:ozgsdk:fim:";

    private final String baseUri;
    private final Locale locale;
    private final CodeValues codeValues;

    private JsonSchemaExporter(Builder b) {
        this.baseUri = b.baseUri;
        this.locale = b.locale;
        this.codeValues = b.codeValues;
    }

    /** An exporter with the defaults of {@link Builder}. */
    public static JsonSchemaExporter of() {
        return builder().build();
    }

    /** Starts an exporter: base URI {@value #DEFAULT_BASE_URI}, German titles, no code lists. */
    public static Builder builder() {
        return new Builder();
    }

    /** Exports the schema; never fails for a schema the importer produced. */
    public JsonSchemaExport export(FormSchema schema) {
        Objects.requireNonNull(schema, "schema");
        String id = baseUri + schema.id();
        SchemaWriter writer = new SchemaWriter(locale, codeValues);
        return new JsonSchemaExport(id, writer.write(schema, id), writer.notes());
    }

    /** Builds a {@link JsonSchemaExporter}. */
    public static final class Builder {
        private String baseUri = DEFAULT_BASE_URI;
        private Locale locale = Locale.GERMAN;
        private CodeValues codeValues = CodeValues.none();

        private Builder() {
        }

        /**
         * The base of {@code $id}, to which the schema's id and version are appended ({@code S60000011V1.2}); an
         * absolute URI without query and fragment ending with {@code /} or {@code :}. Default
         * {@value #DEFAULT_BASE_URI}.
         *
         * @throws InvalidInputException ({@link JsonSchemaError#BASE_URI_INVALID}) for anything else
         */
        public Builder baseUri(String baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            this.baseUri = checkedBase(baseUri);
            return this;
        }

        /** The language of {@code title} and {@code description}; default German (the language of FIM files). */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /**
         * Where the codes of code lists come from (use the validator's, so both agree); default
         * {@link CodeValues#none()}: code lists are not stated and each is listed in the notes.
         */
        public Builder codeValues(CodeValues codeValues) {
            this.codeValues = Objects.requireNonNull(codeValues, "codeValues");
            return this;
        }

        public JsonSchemaExporter build() {
            return new JsonSchemaExporter(this);
        }

        private static String checkedBase(String base) {
            URI uri;
            try {
                uri = new URI(base);
            } catch (URISyntaxException e) {
                throw new InvalidInputException(JsonSchemaError.BASE_URI_INVALID, base, e.getReason());
            }
            String problem = !uri.isAbsolute() ? "not absolute"
                    : uri.getRawQuery() != null || uri.getRawFragment() != null ? "has a query or fragment"
                    : !(base.endsWith("/") || base.endsWith(":")) ? "does not end with / or :" : null;
            if (problem != null) {
                throw new InvalidInputException(JsonSchemaError.BASE_URI_INVALID, base, problem);
            }
            return base;
        }
    }
}
