package de.ozgsdk.sandbox.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates JSON against a component schema of an official FIT-Connect API description (OpenAPI 3.0, its schemas
 * read as JSON Schema draft 7 with {@code $ref}s into the same document).
 */
final class ApiSchemas {

    static final String SUBMISSION_API = "submission-api/1.1.3/submission-api.yaml";
    static final String ROUTING_API = "routing-api/2.0.0/routing-api.yaml";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

    private ApiSchemas() {
    }

    /** Asserts that {@code json} is valid against {@code #/components/schemas/<component>} of {@code api}. */
    static void assertValid(String api, String component, String json) {
        assertThat(errors(api, component, JSON.readTree(json)))
                .as("%s against %s of %s", json, component, api).isEmpty();
    }

    /** The validation errors of {@code json} against the component schema. */
    static List<Error> errors(String api, String component, JsonNode json) {
        JsonNode document = DOCUMENTS.computeIfAbsent(api, ApiSchemas::read);
        ObjectNode root = ((ObjectNode) document).deepCopy();
        root.remove("paths");
        root.put("$ref", "#/components/schemas/" + component);
        Schema schema = REGISTRY.getSchema(root);
        return schema.validate(json);
    }

    private static JsonNode read(String api) {
        Path file = FitkoFixtures.require(api);
        return YAMLMapper.builder().build().readTree(file.toFile());
    }
}
