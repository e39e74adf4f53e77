package de.ozgsdk.forms.jsonschema;

import static de.ozgsdk.forms.jsonschema.TestForms.at;
import static de.ozgsdk.forms.jsonschema.TestForms.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementMetadata;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.data.JsonStyle;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class JsonSchemaExporterTest {

    private static final JsonSchemaExporter EXPORTER = JsonSchemaExporter.builder().codeValues(TestForms.CODES)
            .build();

    static Stream<FormSchema> schemas() {
        List<FormSchema> schemas = new ArrayList<>(TestForms.all());
        schemas.addAll(fixtures());
        return schemas.stream();
    }

    /** The project's own XDatenfelder 2 and 3 fixtures. */
    static List<FormSchema> fixtures() {
        FimImporter importer = FimImporter.builder().lenient(true).build();
        List<FormSchema> schemas = new ArrayList<>();
        for (String name : List.of("xdf2-schema.xml", "xdf3-schema.xml", "xdf3-group.xml", "xdf3-field.xml")) {
            try (InputStream in = JsonSchemaExporterTest.class.getResourceAsStream("/de/ozgsdk/forms/fim/" + name)) {
                schemas.add(importer.importSchema(in, name));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return schemas;
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void exportsAValid2020_12Schema(FormSchema schema) {
        String json = EXPORTER.export(schema).toJson();

        assertThat(Networknt.metaSchema().validate(json)).isEmpty();
        assertThat(Networknt.of(json)).isNotNull(); // networknt compiles every keyword and $ref
    }

    @Test
    void metaSchemaCheckFindsABrokenSchema() {
        assertThat(Networknt.metaSchema().validate("{\"type\": \"text\", \"minLength\": -1}")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void writesTheSameTextEveryTime(FormSchema schema) {
        assertThat(EXPORTER.export(schema).toJson()).isEqualTo(JsonSchemaExporter.builder()
                .codeValues(TestForms.CODES).build().export(schema).toJson());
    }

    @Test
    void writesTheJsonStyleOfTheOzgCommand() throws Exception {
        JsonSchemaExport export = EXPORTER.export(TestForms.person());

        String json = export.toJson();

        assertThat(json).isEqualTo(JsonStyle.write(export.schema()) + "\n")
                .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"")
                .doesNotContain("\" : ", "[ ]", "{ }", "\r");
    }

    @Test
    void definesASharedGroupOnceAndReferencesItAtEachPlace() {
        JsonSchemaExport export = EXPORTER.export(TestForms.person());
        ObjectNode schema = export.schema();
        String json = export.toJson();

        assertThat(schema.get("$defs").has("G60000001V1.0")).isTrue();
        assertThat(schema.at("/properties/G60000001/$ref").asText()).isEqualTo("#/$defs/G60000001V1.0");
        assertThat(schema.at("/$defs/G60000002V1.0/properties/G60000001/anyOf/1/$ref").asText())
                .isEqualTo("#/$defs/G60000001V1.0");
        assertThat(json.split("\"title\": \"Anschrift\"", -1)).hasSize(2);
    }

    @Test
    void definesAFieldUsedAtTwoPlacesOnce() {
        ObjectNode schema = EXPORTER.export(TestForms.person()).schema();

        assertThat(schema.at("/$defs/F60000005V1.0/enum").toString()).isEqualTo("[\"000\",\"129\",\"160\",\"221\"]");
        assertThat(schema.at("/properties/F60000005/anyOf/1/$ref").asText()).isEqualTo("#/$defs/F60000005V1.0");
        assertThat(schema.at("/properties/F60000002/anyOf/1/maxLength").asInt()).isEqualTo(30);
    }

    @Test
    void statesIdTitleRequiredAndNoUnknownKeys() {
        ObjectNode schema = JsonSchemaExporter.builder().baseUri("https://formulare.example.de/schemas/").build()
                .export(TestForms.person()).schema();

        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asText()).isEqualTo("https://formulare.example.de/schemas/S60000001V1.0");
        assertThat(schema.get("title").asText()).isEqualTo("Testantrag S60000001");
        assertThat(schema.get("required").toString()).isEqualTo("[\"F60000001\",\"G60000001\"]");
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/F60000006/$ref").asText()).isEqualTo("#/$defs/blank");
    }

    @Test
    void checksHandWrittenDataLikeTheForm() {
        Networknt validator = Networknt.of(EXPORTER.export(TestForms.person()).toJson());
        String address = "\"G60000001\": {\"F60000003\": \"Hauptstraße 1\", \"F60000004\": \"12345\"}";

        assertThat(validator.validate("{\"F60000001\": \"Müller\", " + address + "}")).isEmpty();
        assertThat(validator.validate("{\"F60000001\": \"Müller\", \"F60000006\": \"\", " + address + "}"))
                .isEmpty();
        assertThat(validator.validate("{\"F60000001\": \"Müller\", \"G60000002\": {\"G60000001\": {}}, "
                + address + "}")).as("an empty optional instance counts as absent").isEmpty();
        assertThat(validator.validate("{\"F60000001\": \"  \", " + address + "}")).as("blank required").isNotEmpty();
        assertThat(validator.validate("{\"F60000001\": \"Müller\"}")).as("group missing").isNotEmpty();
        assertThat(validator.validate("{\"F60000001\": \"Μüller\", " + address + "}")).as("Greek Mu").isNotEmpty();
        assertThat(validator.validate("{\"F60000001\": \"Müller\", \"F60000099\": \"x\", " + address + "}"))
                .as("unknown id").isNotEmpty();
        assertThat(validator.validate("{\"F60000001\": \"Müller\", \"G60000001\": {\"F60000003\": \"a\", "
                + "\"F60000004\": \"1234\"}}")).as("pattern").isNotEmpty();
        assertThat(validator.validate("{\"F60000001\": \"Müller\", \"F60000005\": \"999\", " + address + "}"))
                .as("code").isNotEmpty();
    }

    @Test
    void statesLimitsOfNumbersDatesAndTimes() {
        Networknt validator = Networknt.of(EXPORTER.export(TestForms.typed()).toJson());
        String base = "\"F60000010\": 3, \"F60000013\": true, \"F60000017\": \"01\"";

        assertThat(validator.validate("{" + base + ", \"F60000012\": 12.5, \"F60000014\": \"2024-02-29\", "
                + "\"F60000015\": \"18:30\", \"F60000016\": \"2025-06-30T12:00:30+02:00\"}")).isEmpty();
        assertThat(validator.validate("{" + base + ", \"F60000012\": 12.505}")).isNotEmpty();
        assertThat(validator.validate("{" + base + ", \"F60000014\": \"2023-02-29\"}")).isNotEmpty();
        assertThat(validator.validate("{" + base + ", \"F60000014\": \"1899-12-31\"}")).isNotEmpty();
        assertThat(validator.validate("{" + base + ", \"F60000015\": \"18:30:31\"}")).isNotEmpty();
        assertThat(validator.validate("{" + base + ", \"F60000016\": \"2025-06-30T12:01Z\"}")).isNotEmpty();
        assertThat(validator.validate("{\"F60000010\": 13, \"F60000013\": true, \"F60000017\": \"01\"}"))
                .isNotEmpty();
    }

    @Test
    void notesRulesAndCodeListsItCannotState() {
        List<ExportNote> notes = JsonSchemaExporter.of().export(TestForms.person()).notes();

        assertThat(notes).extracting(ExportNote::code).containsExactlyInAnyOrder(
                JsonSchemaError.CODE_LIST_UNAVAILABLE, JsonSchemaError.RULE_NOT_STATED);
        assertThat(notes).filteredOn(n -> n.code() == JsonSchemaError.RULE_NOT_STATED).singleElement()
                .satisfies(n -> assertThat(n.message(Locale.ENGLISH)).contains("R60000001V1.0", "G60000002V1.0"));
    }

    @Test
    void leavesOutAJavaOnlyPatternWithANote() {
        FormSchema schema = TestForms.schema("S60000009", List.of(at(field("F60000090", "Kennung", DataType.TEXT,
                Precision.builder().pattern("(?i)[a-z]{3}").build()), "1:1")));

        JsonSchemaExport export = JsonSchemaExporter.of().export(schema);

        assertThat(export.schema().at("/properties/F60000090").has("pattern")).isFalse();
        assertThat(export.notes()).extracting(ExportNote::code).containsExactly(JsonSchemaError.PATTERN_NOT_PORTABLE);
    }

    @Test
    void combinesTheCountsOfAnIdUsedTwiceAtOneLevel() {
        Field phone = field("F60000070", "Telefon", DataType.TEXT, Precision.NONE);
        FormSchema schema = TestForms.schema("S60000007", List.of(at(phone, "1:1"), at(phone, "0:3")));

        ObjectNode property = (ObjectNode) JsonSchemaExporter.of().export(schema).schema().at("/properties/F60000070");

        assertThat(property.get("type").asText()).as("the shape of the last place").isEqualTo("array");
        assertThat(property.get("minContains").asInt()).isEqualTo(1);
        assertThat(property.get("maxContains").asInt()).isEqualTo(1);
    }

    @Test
    void rejectsABaseUriThatIsNotAbsolute() {
        assertThatThrownBy(() -> JsonSchemaExporter.builder().baseUri("schemas/"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OZG-JSCH-001");
    }

    @Test
    void usesTheAskedLanguageForTitles() {
        ElementMetadata name = ElementMetadata.builder(FimId.of("F60000080", "1.0"), "Name")
                .inputLabel(LocalizedText.builder("Familienname").put(Locale.ENGLISH, "Surname").build())
                .build();
        FormSchema schema = TestForms.schema("S60000008",
                List.of(at(Field.builder(name, FieldKind.INPUT, DataType.TEXT).build(), "1:1")));

        JsonNode node = JsonSchemaExporter.builder().locale(Locale.ENGLISH).build().export(schema).schema()
                .at("/properties/F60000080/title");

        assertThat(node.asText()).isEqualTo("Surname");
    }
}
