package de.ozgsdk.transfer.fitconnect;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The independent checker of what the client sends: networknt json-schema-validator on the official FITKO metadata
 * schema 2.1.0 and on the component schemas of the Submission API description 1.1.3 (read in place).
 */
final class FitkoSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private FitkoSchemas() {
    }

    /** The violations of {@code metadataJson} against metadata.schema.json 2.1.0. */
    static List<Error> metadataViolations(String metadataJson) throws IOException {
        Schema schema = REGISTRY.getSchema(Files.readString(FitkoFixtures.require(FitkoFixtures.METADATA_SCHEMA)),
                InputFormat.JSON);
        return schema.validate(JSON.readTree(metadataJson));
    }

    /** The violations of {@code json} against {@code #/components/schemas/<component>} of the Submission API. */
    static List<Error> submissionApiViolations(String component, String json) {
        JsonNode api = YAMLMapper.builder().build()
                .readTree(FitkoFixtures.require(FitkoFixtures.SUBMISSION_API).toFile());
        ObjectNode root = JSON.createObjectNode();
        root.set("components", api.get("components"));
        root.put("$ref", "#/components/schemas/" + component);
        Schema schema = REGISTRY.getSchema(root);
        return schema.validate(JSON.readTree(json));
    }
}
