package de.ozgsdk.cli;

import static de.ozgsdk.cli.CliRun.fixture;
import static de.ozgsdk.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class JsonSchemaCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void writesAJsonSchema2020DocumentToStdout() throws Exception {
        CliRun result = run("fim", "json-schema", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode schema = JSON.readTree(result.out());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asText()).isEqualTo("urn:ozgsdk:fim:S99000000001V2.0.0");
        assertThat(schema.get("properties").has("F99000000001")).isTrue();
        assertThat(schema.get("required").toString()).contains("\"F99000000007\"");
    }

    @Test
    void printsTheSchemaInTheStyleOfTheOtherJsonOutput() {
        CliRun schema = run("fim", "json-schema", fixture("xdf3-schema.xml"));
        CliRun inspect = run("fim", "inspect", "--json", fixture("xdf3-schema.xml"));

        assertThat(schema.out()).startsWith("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n")
                .doesNotContain("\" : ", "[ ]", "{ }");
        assertThat(inspect.out()).startsWith("{\n  \"file\": ").doesNotContain("\" : ", "[ ]", "{ }");
    }

    @Test
    void writesToTheOutputFileAndNothingToStdout() throws Exception {
        Path file = temp.resolve("S99000000001.schema.json");
        CliRun result = run("fim", "json-schema", "-o", file.toString(), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)).get("$id").asText())
                .isEqualTo("urn:ozgsdk:fim:S99000000001V2.0.0");
    }

    @Test
    void notesOnStderrNameTheCodeListsThatAreNotStated() {
        CliRun result = run("fim", "json-schema", "--locale", "en", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("ozg: note [OZG-JSCH-105] ")
                .contains("urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat");
    }

    @Test
    void statesTheCodesOfTheCodeListDirectory() throws Exception {
        CliRun result = run("fim", "json-schema", "--codelists", fixture("codelists"), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).doesNotContain("OZG-JSCH-105");
        assertThat(JSON.readTree(result.out()).findValues("enum").toString()).contains("\"000\"", "\"121\"");
    }

    @Test
    void baseUriSetsTheId() throws Exception {
        CliRun result = run("fim", "json-schema", "--base-uri", "https://formulare.example.de/schemas/",
                fixture("xdf3-schema.xml"));
        assertThat(JSON.readTree(result.out()).get("$id").asText())
                .isEqualTo("https://formulare.example.de/schemas/S99000000001V2.0.0");
    }

    @Test
    void relativeBaseUriIsUnusable() {
        CliRun result = run("fim", "json-schema", "--base-uri", "schemas/", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("ozg: [OZG-JSCH-001] ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void outputIntoAMissingDirectoryIsUnusable() {
        Path file = temp.resolve("no-such-directory").resolve("schema.json");
        CliRun result = run("fim", "json-schema", "--locale", "en", "-o", file.toString(), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ozg: [OZG-CLI-106] The output file ").contains("schema.json");
    }

    @Test
    void unusableSchemaIsReported() {
        CliRun result = run("fim", "json-schema", fixture("unknown-namespace.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("ozg: [OZG-FIM-103] ");
    }
}
