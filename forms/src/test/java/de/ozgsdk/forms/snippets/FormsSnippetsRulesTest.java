package de.ozgsdk.forms.snippets;

import static de.ozgsdk.forms.snippets.Bewohnerparken.HOLDER;
import static de.ozgsdk.forms.snippets.Bewohnerparken.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.forms.FimForm;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.rules.ExecutableRule;
import de.ozgsdk.forms.rules.FormRules;
import de.ozgsdk.forms.rules.FreeTextRecognizer;
import de.ozgsdk.forms.rules.MapRuleScope;
import de.ozgsdk.forms.rules.Recognition;
import de.ozgsdk.forms.rules.RecognitionReport;
import de.ozgsdk.forms.rules.RuleExpression;
import de.ozgsdk.forms.rules.RuleFiles;
import de.ozgsdk.forms.rules.RuleKind;
import de.ozgsdk.forms.rules.RuleOutcome;
import de.ozgsdk.forms.rules.RuleScope;
import de.ozgsdk.forms.rules.RuleSet;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import de.ozgsdk.forms.validation.ViolationCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code samples of the rules package's Javadoc and of {@code RULES.md}, run against the real Bewohnerparkausweis
 * schema and a rule side file for it (see {@link FormsSnippetsTest}).
 */
class FormsSnippetsRulesTest {

    /** The side file of the {@code RuleFiles} Javadoc: a required, a visibility and a constraint rule. */
    static final String SIDE_FILE = """
            {
              "schema": "S05000058",
              "rules": [
                {"id": "R-parken-1", "kind": "required", "target": "G05000499", "when": "F05001047 == '02'"},
                {"id": "R-parken-2", "kind": "visible", "targets": ["G05000599"], "when": "F05001347 == '02'"},
                {"id": "R-parken-3", "kind": "constraint", "target": "F05001348", "check": "F05001348 >= today()",
                 "message": {"de": "Der Beginn darf nicht in der Vergangenheit liegen.",
                             "en": "The start must not be in the past."}}
              ]
            }
            """;

    private static Path fim;
    private static CodeListRegistry registry;
    private static FormSchema schema;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneId.of("Europe/Berlin"));

    @TempDir
    Path dir;

    @BeforeAll
    static void importTheSchema() {
        fim = SharedFixtures.requireFim();
        registry = CodeListRegistry.builder().addDirectory(fim.resolve("codelists")).build();
        schema = FimImporter.builder().build().importSchema(fim.resolve(SCHEMA));
    }

    @BeforeEach
    void writeTheSideFile() throws IOException {
        Files.writeString(dir.resolve("S05000058.rules.json"), SIDE_FILE, StandardCharsets.UTF_8);
    }

    @Test
    void sideFileIsReadAndCheckedAgainstTheSchema() throws IOException {
        // @start region="rule-files"
        RuleSet rules = FormRules.check(RuleFiles.read(dir.resolve("S05000058.rules.json")), schema); // ids, types
        // @end

        assertThat(rules.rules()).extracting(ExecutableRule::id).containsExactly("R-parken-1", "R-parken-2",
                "R-parken-3");
        Files.writeString(dir.resolve("S05000058.rules.json"), SIDE_FILE.replace("G05000599", "G05000598"));
        assertThatThrownBy(() -> FormRules.check(RuleFiles.read(dir.resolve("S05000058.rules.json")), schema))
                .hasMessageContaining("G05000598");
    }

    @Test
    void expressionIsParsedIntoItsCanonicalForm() {
        // @start region="rule-expression"
        RuleExpression when = RuleExpression.parse("F05001047 == '02' and not filled(F05001048)");
        when.canonical();  // F05001047 == "02" and not filled(F05001048)
        when.elementIds(); // [F05001047, F05001048]
        // @end

        assertThat(when.canonical()).isEqualTo("F05001047 == \"02\" and not filled(F05001048)");
        assertThat(when.elementIds()).containsExactly("F05001047", "F05001048");
    }

    @Test
    void mapScopeHoldsValuesAndGroups() {
        // @start region="map-rule-scope"
        RuleScope scope = MapRuleScope.builder()
                .value("F05001047", "02")
                .group("G05000499", 1, "F05001243", "F05001244")
                .value("F05001243", "Muster")
                .build();
        // @end

        assertThat(scope.isFilled("G05000499")).isTrue();
        assertThat(scope.count("G05000499")).isEqualTo(1);
        assertThat(scope.values("F05001047")).singleElement().isEqualTo("02");
    }

    @Test
    void executableRuleIsBuiltInCode() {
        // @start region="executable-rule"
        ExecutableRule rule = ExecutableRule.builder("R-parken-1", RuleKind.REQUIRED,
                        RuleExpression.parse("F05001047 == '02'"))
                .target("G05000499")
                .build();
        // @end

        RuleOutcome outcome = RuleSet.of(List.of(rule))
                .evaluate(MapRuleScope.builder().value("F05001047", "02").build(), clock);
        assertThat(outcome.isRequired("G05000499")).isTrue();
    }

    @Test
    void freeTextOfAFimRuleIsRecognised() {
        Path sideFile = dir.resolve("S05000058.rules.json");

        // @start region="free-text-recognizer"
        FreeTextRecognizer recognizer = new FreeTextRecognizer();
        Recognition r = recognizer.recognize("R05000281", "Angaben zur Fahrzeughalterin",
                "Wenn bei F05001047 \"02 Das Fahrzeug ist auf einen anderen Halter zugelassen.\" angegeben wird, "
                        + "dann wird G05000499 zur Pflichtangabe.",
                "function script() { }");
        r.rule().get().condition().canonical(); // F05001047 == "02"
        r.rule().get().targets();               // [G05000499]

        RecognitionReport report = RecognitionReport.of(List.of(r));  // FormRules.recognize(schema) for a schema
        RuleSet rules = report.toRuleSet().overriddenBy(RuleFiles.read(sideFile));
        // @end

        assertThat(r.rule().get().condition().canonical()).isEqualTo("F05001047 == \"02\"");
        assertThat(r.rule().get().targets()).containsExactly("G05000499");
        assertThat(rules.rules()).extracting(ExecutableRule::id)
                .containsExactlyInAnyOrder("R05000281", "R-parken-1", "R-parken-2", "R-parken-3");
    }

    @Test
    void ruleSetEvaluatesAScope() {
        Page page = new Page();
        Locale locale = Locale.GERMAN;
        RuleScope scope = MapRuleScope.builder()
                .group("G05000477", 1, "F05001047").value("F05001047", "02")
                .group("G05000493", 1, "F05001347", "F05001348")
                .value("F05001347", "01").value("F05001348", LocalDate.of(2026, 1, 1))
                .build();

        // @start region="rule-set"
        RuleSet rules = RuleFiles.read(dir.resolve("S05000058.rules.json"))
                .checkElements(FormRules.elementTypes(schema).keySet())
                .checkTypes(FormRules.elementTypes(schema));           // both at once: FormRules.check(rules, schema)
        RuleOutcome outcome = rules.evaluate(scope, clock);
        if (outcome.isRequired("G05000499")) {
            page.markRequired("G05000499");
        }
        outcome.violations().forEach(v -> page.showError(v.targets(), v.message().get(locale)));
        // @end

        assertThat(page.required).containsExactly("G05000499");
        assertThat(page.errors).containsExactly("[F05001348] Der Beginn darf nicht in der Vergangenheit liegen.");
        assertThat(outcome.isHidden("G05000599")).isTrue();
    }

    @Test
    void fimRulesAreRecognisedReportedAndCompletedBySideFiles() {
        // @start region="form-rules"
        FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"));
        RecognitionReport report = FormRules.recognize(schema);
        System.out.print(report.format(Locale.GERMAN));          // each FIM rule: executable (and how) or why not
        FormValidator validator = FormValidator.builder(schema)  // applies report.toRuleSet() by default ...
                .rules(RuleFiles.read(dir.resolve("S05000058.rules.json")))  // ... overridden by the side file
                .build();                                        // checks the rules, see check()
        // @end

        assertThat(report.executable()).extracting(Recognition::fimRuleId).containsExactly("R05000281", "R05000334");
        assertThat(validator.rules().rules()).extracting(ExecutableRule::id)
                .contains("R05000281", "R05000334", "R-parken-1", "R-parken-2", "R-parken-3");
    }

    @Test
    void rulesGuideAppliesFimRulesAndSideFileWithFimFormOrTheParts() {
        FormData data = FormData.builder()
                .group("G05000477", FormData.builder().value("F05001047", "02").build())
                .group("G05000493", FormData.builder().value("F05001347", "01").value("F05001348", "01.01.2026")
                        .build())
                .build();

        // @start region="rules-guide"
        FimForm form = FimForm.builder()
                .codeLists(registry)
                .rules(dir.resolve("S05000058.rules.json"))      // side file: adds rules, replaces FIM rules by id
                .clock(clock)
                .load(fim.resolve("xdf2/S05000058V1.0_xdf2.xml")); // the schema's recognised FIM rules: on
        ValidationResult result = form.validate(data);

        // the same with the parts
        FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"));
        RecognitionReport report = FormRules.recognize(schema);     // every FIM rule: executable (and how) or why not
        FormValidator validator = FormValidator.builder(schema)     // applies report.toRuleSet() by default ...
                .rules(RuleFiles.read(dir.resolve("S05000058.rules.json")))  // ... overridden by the side file
                .clock(clock).build();
        // @end

        assertThat(result.requiredByRule()).contains(DataPath.of(HOLDER));
        assertThat(result.hiddenElements()).contains(DataPath.parse("G05000493[0].G05000599"));
        assertThat(result.violationsAt(DataPath.parse("G05000493[0].F05001348"))).extracting(Violation::code)
                .containsExactly(ViolationCode.RULE_VIOLATED);
        assertThat(validator.validate(data).violations()).extracting(Violation::path)
                .containsAll(result.violations().stream().filter(v -> v.code() != ViolationCode.NOT_IN_CODE_LIST)
                        .map(Violation::path).toList());
        assertThat(report.executable()).hasSize(2);
    }

    /** The part of a portal page the samples use. */
    private static final class Page {

        private final List<String> required = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();

        void markRequired(String elementId) {
            required.add(elementId);
        }

        void showError(List<String> elementIds, String message) {
            errors.add(elementIds + " " + message);
        }
    }
}
