package de.ozgsdk.cli;

import static de.ozgsdk.cli.CliRun.fixture;
import static de.ozgsdk.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code ozg fim validate} with executable rules: recognised FIM rules by default, side files with --rules. */
class ValidateRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode violations(CliRun result) throws Exception {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        return JSON.readTree(result.out()).get("violations");
    }

    @Test
    void appliesRecognisedFimRulesByDefault() throws Exception {
        JsonNode violation = violations(run("fim", "validate", fixture("xdf3-rules.xml"), fixture("data/advance.json")))
                .get(0);
        assertThat(violation.get("path").asText()).isEqualTo("F99000000031");
        assertThat(violation.get("code").asText()).isEqualTo("OZG-VAL-101");
        assertThat(violation.get("ruleId").asText()).isEqualTo("R99000000010");
    }

    @Test
    void noFimRulesSwitchesThemOff() {
        CliRun result = run("fim", "validate", "--no-fim-rules", fixture("xdf3-rules.xml"),
                fixture("data/advance.json"));
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void sideFileRuleReplacesTheFimRuleOfTheSameId() {
        CliRun result = run("fim", "validate", "--rules", fixture("rules/advance-off.rules.json"),
                fixture("xdf3-rules.xml"), fixture("data/advance.json"));
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void sideFileRulesReportRequiredAndConstraintViolationsWithTheirIds() throws Exception {
        JsonNode violations = violations(run("fim", "validate", "--locale", "en", "--rules",
                fixture("rules/xdf3.rules.json"), fixture("xdf3-schema.xml"), fixture("data/extension.json")));
        assertThat(violations.findValuesAsString("ruleId")).containsExactly("R-name", "R-aktenzeichen");
        assertThat(violations.get(0).get("code").asText()).isEqualTo("OZG-VAL-122");
        assertThat(violations.get(0).get("message").asText()).isEqualTo("Please enter the full surname.");
        assertThat(violations.get(1).get("path").asText()).isEqualTo("F99000000005");
        assertThat(violations.get(1).get("code").asText()).isEqualTo("OZG-VAL-101");
    }

    @Test
    void violationsOfTheSchemaItselfHaveNoRuleId() throws Exception {
        JsonNode violation = violations(run("fim", "validate", fixture("xdf3-schema.xml"),
                fixture("data/violations.json"))).get(0);
        assertThat(violation.has("ruleId")).isTrue();
        assertThat(violation.get("ruleId").isNull()).isTrue();
    }

    @Test
    void ruleThatCannotBeEvaluatedIsANoteOnStderr() throws Exception {
        CliRun result = run("fim", "validate", "--locale", "en", "--rules", fixture("rules/advance-off.rules.json"),
                fixture("xdf3-rules.xml"), fixture("data/advance-not-a-number.json"));
        assertThat(violations(result).findValuesAsString("code")).containsExactly("OZG-VAL-104");
        assertThat(result.err()).contains("ozg: note [OZG-RULE-401] Rule R99000000010, column 37");
    }

    @Test
    void sideFileForAnotherSchemaIsUnusable() {
        CliRun result = run("fim", "validate", "--rules", fixture("rules/other-schema.rules.json"),
                fixture("xdf3-schema.xml"), fixture("data/valid.json"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ozg: [OZG-RULE-317] ").contains("other-schema.rules.json: ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void sideFileNamingAnUnknownElementIsUnusable() {
        CliRun result = run("fim", "validate", "--locale", "en", "--rules",
                fixture("rules/unknown-element.rules.json"), fixture("xdf3-schema.xml"), fixture("data/valid.json"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("F99999999999").contains("unknown-element.rules.json#/rules/0");
    }

    @Test
    void typoInAnExpressionIsUnusableWithAHint() {
        CliRun result = run("fim", "validate", "--locale", "en", "--rules", fixture("rules/typo.rules.json"),
                fixture("xdf3-schema.xml"), fixture("data/valid.json"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("typo.rules.json#/rules/0/when").contains("did you mean filled?")
                .doesNotContain("\tat ");
    }

    @Test
    void missingSideFileIsUnusable() {
        CliRun result = run("fim", "validate", "--rules", "no-such.rules.json", fixture("xdf3-schema.xml"),
                fixture("data/valid.json"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ozg: [OZG-CLI-101] ").contains("no-such.rules.json");
    }
}
