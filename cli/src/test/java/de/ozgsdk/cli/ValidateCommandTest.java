package de.ozgsdk.cli;

import static de.ozgsdk.cli.CliRun.fixture;
import static de.ozgsdk.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ValidateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun validate(String data, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "fim";
        args[1] = "validate";
        System.arraycopy(options, 0, args, 2, options.length);
        args[options.length + 2] = fixture("xdf3-schema.xml");
        args[options.length + 3] = fixture("data/" + data);
        return run(args);
    }

    @Test
    void validDataExitZeroWithValidTrue() throws Exception {
        CliRun result = validate("valid.json", "--codelists", fixture("codelists"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(JSON.readTree(result.out()).toString()).isEqualTo("{\"valid\":true}");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void violationsExitOneWithJsonOnStdout() throws Exception {
        CliRun result = validate("violations.json");
        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("valid").asBoolean()).isFalse();
        JsonNode first = report.get("violations").get(0);
        assertThat(first.get("path").asText()).isEqualTo("F99000000002");
        assertThat(first.get("code").asText()).isEqualTo("OZG-VAL-116");
        assertThat(first.get("elementId").asText()).isEqualTo("F99000000002");
        assertThat(first.get("label").asText()).isEqualTo("Art des Antrags");
        assertThat(first.get("message").asText()).isEqualTo(
                "Bitte wählen Sie bei „Art des Antrags“ einen der angebotenen Werte.");
        assertThat(report.get("violations").findValuesAsString("code")).containsExactly("OZG-VAL-116", "OZG-VAL-101");
    }

    @Test
    void violationMessagesInEnglishOnRequest() throws Exception {
        CliRun result = validate("violations.json", "--locale", "en");
        JsonNode required = JSON.readTree(result.out()).get("violations").get(1);
        assertThat(required.get("path").asText()).isEqualTo("F99000000007");
        assertThat(required.get("message").asText()).contains("“Staatsangehörigkeit”");
    }

    @Test
    void checksCodeListValuesWithCodeListDirectory() throws Exception {
        CliRun result = validate("not-in-code-list.json", "--codelists", fixture("codelists"));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(result.out()).get("violations").get(0).get("path").asText())
                .isEqualTo("F99000000007");
    }

    @Test
    void saysOnStderrWhichCodeListsAreNotChecked() throws Exception {
        CliRun result = validate("not-in-code-list.json", "--locale", "en");
        assertThat(result.exitCode()).isZero();
        assertThat(JSON.readTree(result.out()).get("valid").asBoolean()).isTrue();
        assertThat(result.err()).contains("not checked")
                .contains("urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat 2020-05-11");
    }

    @Test
    void malformedJsonIsUnusableWithFileLineAndColumn() {
        CliRun result = validate("malformed.json", "--locale", "en");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ozg: [OZG-DATA-107] ").contains("malformed.json: ")
                .contains("line 4, column 1").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownElementInDataIsUnusable() {
        CliRun result = validate("unknown-id.json", "--locale", "en");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ozg: [OZG-DATA-102] ").contains("unknown-id.json")
                .contains("F99000000099");
    }

    @Test
    void dataNotInUtf8IsUnusable() {
        CliRun result = validate("latin1.json", "--locale", "en");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ozg: [OZG-CLI-105] ").contains("latin1.json").contains("byte 19");
    }

    @Test
    void missingDataFileIsUnusable() {
        CliRun result = run("fim", "validate", fixture("xdf3-schema.xml"), "no-such-data.json");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ozg: [OZG-CLI-101] ").contains("no-such-data.json");
    }

    @Test
    void unusableSchemaIsReportedBeforeTheData() {
        CliRun result = run("fim", "validate", fixture("xxe.xml"), fixture("data/valid.json"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("ozg: [OZG-FIM-102] ");
    }

    @Test
    void importsStrictlyByDefault() {
        CliRun result = run("fim", "validate", "--codelists", fixture("codelists"), fixture("xdf2-schema.xml"),
                fixture("data/valid.json"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("ozg: [OZG-FIM-114] ");
    }

    @Test
    void lenientImportCountsTheWarningsOnStderr() {
        CliRun result = run("fim", "validate", "--lenient", "--locale", "en", "--codelists", fixture("codelists"),
                fixture("xdf2-schema.xml"), fixture("data/valid.json"));
        assertThat(result.err()).contains("gave 5 warning(s); see them with: ozg fim inspect");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("[OZG-DATA-102]");
    }

    @Test
    void missingArgumentIsAUsageError() {
        CliRun result = run("fim", "validate", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter: 'DATA.json'");
    }
}
