package de.ozgsdk.cli;

import static de.ozgsdk.cli.CliRun.fixture;
import static de.ozgsdk.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.forms.FimImportException;
import de.ozgsdk.forms.FimImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class InspectCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(CliRun result) throws Exception {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    @Test
    void showsIdentificationAndCountsAsText() {
        CliRun result = run("fim", "inspect", "--locale", "en", fixture("xdf2-schema.xml"));
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Schema        S99000001V1.0 \"Testantrag\"")
                .contains("XDatenfelder  2.0, Message stammdatenschema")
                .contains("Groups        1")
                .contains("Fields        10")
                .contains("Warnings      3");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void writesTheTextInGermanByDefault() {
        CliRun result = run("fim", "inspect", fixture("xdf2-schema.xml"));
        assertThat(result.out()).contains("Datenfelder   10").contains("Warnungen     3");
    }

    @Test
    void countsRulesAndTheExecutableOnesAsText() {
        CliRun result = run("fim", "inspect", "--locale", "en", fixture("xdf3-rules.xml"));
        assertThat(result.out()).contains("Rules         1, 1 of them executable")
                .contains("R99000000010 executable (conditional requirement): F99000000031 required when "
                        + "F99000000030 == true");
    }

    @Test
    void jsonReportHasStableKeysAndCounts() throws Exception {
        JsonNode report = json(run("fim", "inspect", "--json", fixture("xdf3-schema.xml")));
        List<String> keys = new ArrayList<>();
        keys.addAll(report.propertyNames());
        assertThat(keys).containsExactly("file", "id", "version", "name", "xdatenfelderVersion", "messageKind",
                "import", "counts", "codeLists", "rules", "warnings");
        assertThat(report.get("id").asText()).isEqualTo("S99000000001");
        assertThat(report.get("version").asText()).isEqualTo("2.0.0");
        assertThat(report.get("xdatenfelderVersion").asText()).isEqualTo("3.0.0");
        assertThat(report.get("import").asText()).isEqualTo("strict");
        assertThat(report.get("counts").toString()).isEqualTo(
                "{\"groups\":1,\"fields\":7,\"rules\":1,\"executableRules\":0,\"codeLists\":1,\"warnings\":0}");
    }

    @Test
    void jsonReportIsTheSameOnEveryRun() {
        String first = run("fim", "inspect", "--json", fixture("xdf2-schema.xml")).out();
        assertThat(run("fim", "inspect", "--json", fixture("xdf2-schema.xml")).out()).isEqualTo(first);
    }

    @Test
    void reportsCodeListsAsUnknownWithoutCodeListDirectory() throws Exception {
        JsonNode list = json(run("fim", "inspect", "--json", fixture("xdf3-schema.xml"))).get("codeLists").get(0);
        assertThat(list.get("uri").asText()).isEqualTo("urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat");
        assertThat(list.get("version").asText()).isEqualTo("2020-05-11");
        assertThat(list.get("status").asText()).isEqualTo("unknown");
    }

    @Test
    void reportsAvailableCodeListsFromTheCodeListDirectory() throws Exception {
        JsonNode report = json(run("fim", "inspect", "--json", "--codelists", fixture("codelists"),
                fixture("xdf3-schema.xml")));
        assertThat(report.get("codeLists").get(0).get("status").asText()).isEqualTo("available");
    }

    @Test
    void reportsMissingCodeListsAsStatusAndWarning() throws Exception {
        JsonNode report = json(run("fim", "inspect", "--json", "--lenient", "--codelists", fixture("codelists"),
                fixture("xdf2-schema.xml")));
        assertThat(report.get("codeLists").findValuesAsString("status")).containsExactly("missing", "missing");
        assertThat(report.get("warnings").findValuesAsString("code")).contains("OZG-FIM-114");
    }

    @Test
    void importsStrictlyByDefaultLikeTheJavaApiAndListsDeviationsWithLenient(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin.xml");
        Files.writeString(file, Files.readString(Path.of(fixture("xdf2-schema.xml"))).replace(
                "<xdf:beschreibung>Beschreibung des Schemas</xdf:beschreibung>",
                "<xdf:beschreibung>Alter ≤ 18</xdf:beschreibung>"));

        CliRun byDefault = run("fim", "inspect", "--locale", "en", file.toString());
        assertThat(byDefault.exitCode()).isEqualTo(2);
        assertThat(byDefault.err()).contains("[OZG-FIM-124]", "line 13", "/stammdatenschema/beschreibung",
                "replace ≤ by <=");
        assertThatThrownBy(() -> FimImporter.builder().build().importSchema(file))
                .isInstanceOfSatisfying(FimImportException.class,
                        e -> assertThat(e.code().code()).isEqualTo("OZG-FIM-124"));

        CliRun strict = run("fim", "inspect", "--strict", "--locale", "en", file.toString());
        assertThat(strict.exitCode()).isEqualTo(2);

        CliRun lenient = run("fim", "inspect", "--lenient", "--locale", "en", file.toString());
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("OZG-FIM-124").contains("lenient (--lenient)");
    }

    @Test
    void refusesStrictAndLenientTogether() {
        CliRun result = run("fim", "inspect", "--strict", "--lenient", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--strict and --lenient exclude each other");
    }

    @Test
    void printsTheFieldTreeWithPathIdLabelDatentypRequiredAndCodeList() {
        CliRun result = run("fim", "inspect", "--fields", "--locale", "en", fixture("xdf3-schema.xml"));

        assertThat(result.exitCode()).isZero();
        String tree = result.out().substring(result.out().indexOf("\nFields\n"));
        assertThat(tree.lines().skip(2)).containsExactly(
                "  F99000000001  F99000000001V1.0.0  \"Familienname\"  text_latin  1:1 required",
                "  F99000000002  F99000000002V1.0.0  \"Art des Antrags\"  text  1:1 required  values neu, verl",
                "  G99000000001  G99000000001V1.0.0  \"Termin\"  choice group  0:1 optional",
                "    G99000000001.F99000000003  F99000000003V1.0.0  \"Uhrzeit\"  time  0:1 optional",
                "    G99000000001.F99000000004  F99000000004V1.0.0  \"Zeitpunkt\"  datetime (locked)  0:1 optional",
                "  F99000000005  F99000000005V1.0.0  \"Aktenzeichen\"  text (hidden)  0:1 optional",
                "  F99000000006  F99000000006V1.0.0  \"Anlage\"  file  0:2 optional",
                "  F99000000007  F99000000007V1.0.0  \"Staatsangehörigkeit\"  text  1:1 required  code list "
                        + "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat 2020-05-11");
    }

    /** The paths of the tree, depth first. */
    private static List<String> paths(JsonNode elements, List<String> into) {
        elements.forEach(element -> {
            into.add(element.get("path").asText());
            paths(element.get("children"), into);
        });
        return into;
    }

    @Test
    void printsNoFieldTreeUnlessAsked() throws Exception {
        assertThat(run("fim", "inspect", "--locale", "en", fixture("xdf3-schema.xml")).out())
                .doesNotContain("Fields\n");
        assertThat(json(run("fim", "inspect", "--json", fixture("xdf3-schema.xml"))).has("fields")).isFalse();
    }

    @Test
    void printsTheFieldTreeAsJsonWithChildrenUnderTheirGroup() throws Exception {
        JsonNode fields = json(run("fim", "inspect", "--json", "--fields", fixture("xdf3-schema.xml")))
                .get("fields");

        assertThat(fields).hasSize(6);
        assertThat(paths(fields, new ArrayList<>())).containsExactly("F99000000001", "F99000000002", "G99000000001",
                "G99000000001.F99000000003", "G99000000001.F99000000004", "F99000000005", "F99000000006",
                "F99000000007");
        JsonNode group = fields.get(2);
        assertThat(group.get("element").asText()).isEqualTo("choice");
        assertThat(group.get("dataType").isNull()).isTrue();
        assertThat(group.get("children").get(1).get("fieldKind").asText()).isEqualTo("locked");
        JsonNode staat = fields.get(5);
        List<String> keys = new ArrayList<>();
        staat.propertyNames().forEach(keys::add);
        assertThat(keys).containsExactly("path", "id", "version", "label", "element", "dataType", "fieldKind",
                "multiplicity", "required", "repeatable", "codeList", "values", "children");
        assertThat(staat.get("required").asBoolean()).isTrue();
        assertThat(staat.get("codeList").get("uri").asText())
                .isEqualTo("urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat");
        assertThat(staat.get("codeList").get("version").asText()).isEqualTo("2020-05-11");
        assertThat(fields.get(1).get("values").toString()).isEqualTo("[\"neu\",\"verl\"]");
        assertThat(fields.get(4).get("repeatable").asBoolean()).isTrue();
    }

    @Test
    void strictImportAcceptsAnXdf2GroupWithoutStrukturAsTheXsdDoes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty-group.xml");
        String xml = Files.readString(Path.of(fixture("xdf2-schema.xml")));
        int group = xml.indexOf("<xdf:datenfeldgruppe>");
        int firstStructure = xml.indexOf("<xdf:struktur>", group);
        int groupEnd = xml.indexOf("</xdf:datenfeldgruppe>", group);
        Files.writeString(file, xml.substring(0, firstStructure) + xml.substring(groupEnd));

        CliRun strict = run("fim", "inspect", "--strict", "--json", "--locale", "en", file.toString());

        JsonNode report = json(strict);
        assertThat(report.get("warnings").findValuesAsString("code")).contains("OZG-FIM-209");
    }

    @Test
    void strictImportRefusesAMissingCodeList() {
        CliRun result = run("fim", "inspect", "--strict", "--locale", "en", "--codelists", fixture("codelists"),
                fixture("xdf2-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("[OZG-FIM-114]").contains("xdf2-schema.xml").contains("line 74");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void reportsHowEachFimRuleIsExecuted() throws Exception {
        JsonNode rule = json(run("fim", "inspect", "--json", fixture("xdf3-rules.xml"))).get("rules").get(0);
        assertThat(rule.get("id").asText()).isEqualTo("R99000000010");
        assertThat(rule.get("owners").toString()).isEqualTo("[\"S99000000002\"]");
        assertThat(rule.get("executable").asBoolean()).isTrue();
        assertThat(rule.get("pattern").asText()).isEqualTo("CONDITIONAL_REQUIRED");
        assertThat(rule.get("kind").asText()).isEqualTo("required");
        assertThat(rule.get("targets").toString()).isEqualTo("[\"F99000000031\"]");
        assertThat(rule.get("expression").asText()).isEqualTo("F99000000030 == true");
        assertThat(rule.get("reason").isNull()).isTrue();
    }

    @Test
    void reportsEveryRuleDerivedFromAFreeTextOfSeveralSentences(@TempDir Path dir) throws Exception {
        String schema = Files.readString(Path.of(fixture("xdf3-rules.xml")), StandardCharsets.UTF_8).replace(
                "F99000000031 ist Pflichtfeld, wenn F99000000030 bejaht wurde.",
                "F99000000031 ist Pflichtfeld, wenn F99000000030 bejaht wurde. "
                        + "F99000000031 ist nur dann zu befüllen, wenn F99000000030 bejaht wurde.");
        Path file = Files.writeString(dir.resolve("twin.xml"), schema, StandardCharsets.UTF_8);

        JsonNode rule = json(run("fim", "inspect", "--json", file.toString())).get("rules").get(0);

        assertThat(rule.get("executable").asBoolean()).isTrue();
        JsonNode sentences = rule.get("sentences");
        assertThat(sentences).hasSize(2);
        assertThat(sentences.get(0).get("kind").asText()).isEqualTo("required");
        assertThat(sentences.get(1).get("kind").asText()).isEqualTo("visible");
        assertThat(sentences.get(1).get("targets").toString()).isEqualTo("[\"F99000000031\"]");
        assertThat(sentences.get(1).get("expression").asText()).isEqualTo("F99000000030 == true");
        assertThat(sentences.get(0).get("id").asText()).isNotEqualTo(sentences.get(1).get("id").asText());
    }

    @Test
    void reportsWhyAFimRuleIsNotExecutable() throws Exception {
        JsonNode rule = json(run("fim", "inspect", "--json", "--locale", "en", fixture("xdf3-schema.xml")))
                .get("rules").get(0);
        assertThat(rule.get("executable").asBoolean()).isFalse();
        assertThat(rule.get("owners").toString()).isEqualTo("[\"F99000000002\"]");
        assertThat(rule.get("reason").get("code").asText()).startsWith("OZG-RULE-5");
        assertThat(rule.get("reason").get("message").asText()).contains("R99000000001").contains("rule side file");
    }

    @Test
    void warningsCarryCodeAndPosition() throws Exception {
        JsonNode warning = json(run("fim", "inspect", "--json", fixture("xdf2-schema.xml"))).get("warnings").get(0);
        assertThat(warning.get("code").asText()).isEqualTo("OZG-FIM-203");
        assertThat(warning.get("line").asInt()).isEqualTo(87);
        assertThat(warning.get("column").asInt()).isPositive();
        assertThat(warning.get("path").asText()).startsWith("/xdatenfelder.stammdatenschema.0102/");
        assertThat(warning.get("elementId").asText()).isEqualTo("F99000002V1.0");
        assertThat(warning.get("message").asText()).contains("Codeliste Regionalschlüssel");
    }

    @Test
    void inspectsGroupAndFieldMessages() throws Exception {
        assertThat(json(run("fim", "inspect", "--json", fixture("xdf3-group.xml"))).get("messageKind").asText())
                .isEqualTo("DATENFELDGRUPPE");
        assertThat(json(run("fim", "inspect", "--json", fixture("xdf3-field.xml"))).get("messageKind").asText())
                .isEqualTo("DATENFELD");
    }
}
