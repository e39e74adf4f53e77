package de.ozgsdk.forms.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading rule side files: a good file, and each kind of mistake with where it is. */
class RuleFilesTest {

    @Test
    void readsAGoodFile() throws Exception {
        RuleSet rules;
        try (InputStream in = getClass().getResourceAsStream("parken.rules.json")) {
            rules = RuleFiles.read(in, "parken.rules.json");
        }

        assertThat(rules.schemaId()).contains("S05000058");
        assertThat(rules.rules()).extracting(ExecutableRule::id)
                .containsExactly("R05000281", "R-parken-sichtbar", "R-parken-zeitraum");
        ExecutableRule required = rules.rule("R05000281").orElseThrow();
        assertThat(required.kind()).isEqualTo(RuleKind.REQUIRED);
        assertThat(required.targets()).containsExactly("G05000499");
        assertThat(required.condition().canonical()).isEqualTo("F05001047 == \"02\"");
        assertThat(required.description()).isPresent();
        assertThat(required.origin()).isEqualTo(RuleOrigin.sideFile("parken.rules.json#/rules/0"));
        assertThat(rules.rule("R-parken-sichtbar").orElseThrow().targets()).containsExactly("F05001050", "F05001051");
        ExecutableRule constraint = rules.rule("R-parken-zeitraum").orElseThrow();
        assertThat(constraint.message().orElseThrow().get(Locale.ENGLISH)).startsWith("The end");
        assertThat(constraint.message().orElseThrow().german()).startsWith("Das Ende");
    }

    @Test
    void readsAFileFromAPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.json");
        java.nio.file.Files.writeString(file, "{\"rules\": []}");
        assertThat(RuleFiles.read(file).rules()).isEmpty();
    }

    @Test
    void aMissingFileIsAConfigurationError(@TempDir Path dir) {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> RuleFiles.read(dir.resolve("missing.json")));
        assertThat(e.code()).isEqualTo(RuleError.FILE_UNREADABLE);
        assertThat(e.getMessage()).contains("missing.json");
    }

    @Test
    void reportsMalformedJsonWithLineAndColumn() {
        InvalidInputException e = error("{\n  \"rules\": [\n    {\"id\": \"R1\",,}\n  ]\n}");
        assertThat(e.code()).isEqualTo(RuleError.FILE_NOT_JSON);
        assertThat(e.arguments()).containsExactly("rules.json", "3", "17");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThat(error("{\"rules\": [], \"rules\": []}").code()).isEqualTo(RuleError.FILE_NOT_JSON);
    }

    @Test
    void reportsAnUnknownKeyWithTheClosestAllowedOne() {
        InvalidInputException e = error(rules("{\"id\": \"R1\", \"kind\": \"required\", \"taget\": \"F1\", "
                + "\"when\": \"true\"}"));
        assertThat(e.code()).isEqualTo(RuleError.FILE_UNKNOWN_KEY);
        assertThat(e.userMessage(Locale.ENGLISH)).contains("/rules/0").contains("\"taget\"")
                .contains("Did you mean target?");
    }

    @Test
    void reportsAnUnknownTopLevelKey() {
        assertThat(error("{\"rule\": []}").code()).isEqualTo(RuleError.FILE_UNKNOWN_KEY);
    }

    @Test
    void reportsAMissingKey() {
        InvalidInputException e = error(rules("{\"id\": \"R1\", \"kind\": \"required\", \"target\": \"F1\"}"));
        assertThat(e.code()).isEqualTo(RuleError.FILE_MISSING_KEY);
        assertThat(e.arguments()).containsExactly("rules.json", "/rules/0", "when");
        assertThat(error("{}").code()).isEqualTo(RuleError.FILE_MISSING_KEY);
    }

    @Test
    void reportsAValueOfTheWrongType() {
        InvalidInputException e = error(rules("{\"id\": 7, \"kind\": \"required\", \"target\": \"F1\", "
                + "\"when\": \"true\"}"));
        assertThat(e.code()).isEqualTo(RuleError.FILE_WRONG_TYPE);
        assertThat(e.arguments()).containsExactly("rules.json", "/rules/0/id", "string");
        assertThat(error("{\"rules\": {}}").code()).isEqualTo(RuleError.FILE_WRONG_TYPE);
        assertThat(error("[]").code()).isEqualTo(RuleError.FILE_WRONG_TYPE);
        assertThat(error(rules("{\"id\": \"R1\", \"kind\": \"required\", \"targets\": \"F1\", \"when\": \"true\"}"))
                .code()).isEqualTo(RuleError.FILE_WRONG_TYPE);
    }

    @Test
    void reportsAnUnknownKind() {
        InvalidInputException e = error(rules("{\"id\": \"R1\", \"kind\": \"mandatory\", \"target\": \"F1\", "
                + "\"when\": \"true\"}"));
        assertThat(e.code()).isEqualTo(RuleError.FILE_UNKNOWN_KIND);
        assertThat(e.arguments()).contains("/rules/0/kind", "\"mandatory\"");
    }

    @Test
    void reportsAnExpressionKeyThatDoesNotFitTheKind() {
        InvalidInputException e = error(rules("{\"id\": \"R1\", \"kind\": \"constraint\", \"target\": \"F1\", "
                + "\"when\": \"true\", \"message\": {\"de\": \"x\"}}"));
        assertThat(e.code()).isEqualTo(RuleError.FILE_KEY_NOT_FOR_KIND);
        assertThat(e.userMessage(Locale.ENGLISH)).contains("use check");
    }

    @Test
    void reportsDuplicateRuleIdsWithBothPlaces() {
        String rule = "{\"id\": \"R1\", \"kind\": \"required\", \"target\": \"F1\", \"when\": \"true\"}";
        InvalidInputException e = error(rules(rule + ", " + rule));
        assertThat(e.code()).isEqualTo(RuleError.FILE_DUPLICATE_RULE_ID);
        assertThat(e.arguments()).containsExactly("rules.json", "/rules/1/id", "\"R1\"", "/rules/0");
    }

    @Test
    void reportsABadExpressionWithRuleIdPointerAndColumn() {
        InvalidInputException e = error(rules("{\"id\": \"R-7\", \"kind\": \"required\", \"target\": \"F1\", "
                + "\"when\": \"filled(F2\"}"));
        assertThat(e).isInstanceOf(RuleSyntaxException.class);
        RuleSyntaxException syntax = (RuleSyntaxException) e;
        assertThat(syntax.where()).isEqualTo("\"R-7\" (rules.json#/rules/0/when)");
        assertThat(syntax.column()).isEqualTo(10);
        assertThat(syntax.userMessage(Locale.ENGLISH)).startsWith("Column 10 of \"R-7\" (rules.json#/rules/0/when)");
    }

    @Test
    void reportsAConstraintWithoutMessage() {
        InvalidInputException e = error(rules("{\"id\": \"C1\", \"kind\": \"constraint\", \"target\": \"F1\", "
                + "\"check\": \"filled(F1)\"}"));
        assertThat(e.code()).isEqualTo(RuleError.RULE_CONSTRAINT_WITHOUT_MESSAGE);
        assertThat(e.arguments()).containsExactly("C1");
    }

    @Test
    void reportsAMessageWithoutGermanText() {
        InvalidInputException e = error(rules("{\"id\": \"C1\", \"kind\": \"constraint\", \"target\": \"F1\", "
                + "\"check\": \"filled(F1)\", \"message\": {\"en\": \"Fill in F1.\"}}"));
        assertThat(e.code()).isEqualTo(RuleError.FILE_MESSAGE_INVALID);
        assertThat(e.arguments()).containsExactly("rules.json", "/rules/0/message");
    }

    @Test
    void reportsABadTargetAndABadRuleId() {
        assertThat(error(rules("{\"id\": \"R1\", \"kind\": \"required\", \"target\": \"feld1\", \"when\": \"true\"}"))
                .code()).isEqualTo(RuleError.RULE_TARGET_INVALID);
        assertThat(error(rules("{\"id\": \"R 1\", \"kind\": \"required\", \"target\": \"F1\", \"when\": \"true\"}"))
                .code()).isEqualTo(RuleError.RULE_ID_INVALID);
        assertThat(error(rules("{\"id\": \"R1\", \"kind\": \"visible\", \"when\": \"true\"}")).code())
                .isEqualTo(RuleError.RULE_NO_TARGET);
    }

    @Test
    void rejectsAnOversizedFileWithoutParsingIt() {
        byte[] big = new byte[RuleFiles.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> RuleFiles.read(new ByteArrayInputStream(big), "big.json"));
        assertThat(e.code()).isEqualTo(RuleError.FILE_TOO_LARGE);
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThat(error("").code()).isEqualTo(RuleError.FILE_NOT_JSON);
    }

    private static String rules(String ruleObjects) {
        return "{\"rules\": [" + ruleObjects + "]}";
    }

    @Test
    void refusesContentAfterTheRuleFileWithItsPosition() {
        InvalidInputException e = error("{\"rules\": []}\n{}");
        assertThat(e.code()).isEqualTo(RuleError.FILE_NOT_JSON);
        assertThat(e.arguments()).containsExactly("rules.json", "2", "1");
    }

    private static InvalidInputException error(String json) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> RuleFiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "rules.json"));
        assertThat(e).as("expected an error for %s", json).isNotNull();
        return e;
    }
}
