package de.ozgsdk.forms.jsonschema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The reference validator: networknt json-schema-validator 3 on JSON Schema 2020-12, Jackson 3 trees. */
final class Networknt {

    static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    /** Decimals exact, as FormDataJson writes them, so that multipleOf and limits see the written number. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;

    private Networknt(Schema schema) {
        this.schema = schema;
    }

    /** The exported schema, loaded from its JSON text. */
    static Networknt of(String schemaJson) {
        Schema schema = REGISTRY.getSchema(schemaJson, InputFormat.JSON);
        schema.initializeValidators();
        return new Networknt(schema);
    }

    /** The 2020-12 meta-schema (bundled with networknt, no network access). */
    static Networknt metaSchema() {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA));
        schema.initializeValidators();
        return new Networknt(schema);
    }

    static JsonNode read(String json) {
        return MAPPER.readTree(json);
    }

    List<Error> validate(String json) {
        return schema.validate(read(json));
    }

    List<Error> validate(JsonNode json) {
        return schema.validate(json);
    }
}
