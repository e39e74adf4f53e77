package de.ozgsdk.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormRule;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.TestSchemas;
import de.ozgsdk.forms.rules.FormRules;
import de.ozgsdk.forms.rules.RuleError;
import de.ozgsdk.forms.rules.RuleFiles;
import de.ozgsdk.forms.rules.RuleFinding;
import de.ozgsdk.forms.rules.RuleSet;
import de.ozgsdk.forms.rules.RuleSyntaxException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Executable rules in validation, over the hand-written schema {@code xdf3-rules.xml} (Bewohnerparken test form):
 * rules from a side file and from the schema's own FIM free texts make elements required, hide them, or report
 * violated constraints, per instance of repeated groups.
 */
class FormValidatorRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), ZoneId.of("Europe/Berlin"));
    private static final FormSchema SCHEMA = load();

    private static final String HALTER = "F99000000101";
    private static final String HALTER_GROUP = "G99000000101";
    private static final String HALTER_NAME = "F99000000102";
    private static final String BEHINDERT = "F99000000104";
    private static final String AUSWEIS = "F99000000105";
    private static final String ZEITRAUM = "G99000000102";
    private static final String BEGINN = "F99000000106";
    private static final String ENDE = "F99000000107";
    private static final String KIND = "G99000000103";
    private static final String INLAND = "G99000000104";
    private static final String AUSLAND = "G99000000105";

    // ---- conditional required

    @Test
    void sideFileRuleMakesAnOptionalGroupRequiredWhileItsConditionHolds() {
        FormValidator validator = validator(sideFile(
                "{\"id\": \"R-halter\", \"kind\": \"required\", \"target\": \"G99000000101\","
                        + " \"when\": \"F99000000101 == '02'\"}"));

        ValidationResult other = validator.validate(base().value(HALTER, "02").build());
        ValidationResult own = validator.validate(base().value(HALTER, "01").build());

        assertThat(other.violations()).extracting(v -> v.path().toString(), Violation::code)
                .containsExactly(tuple("G99000000101[0].F99000000102", ViolationCode.REQUIRED));
        assertThat(other.requiredByRule()).containsExactly(DataPath.of(HALTER_GROUP));
        assertThat(own.isValid()).isTrue();
        assertThat(own.requiredByRule()).isEmpty();
    }

    @Test
    void recognisedFimRuleMakesAnOptionalGroupRequiredWhileItsConditionHolds() {
        FormValidator validator = validator(FormRules.recognize(SCHEMA).toRuleSet());

        ValidationResult other = validator.validate(base().value(HALTER, "02").build());
        ValidationResult filled = validator.validate(base().value(HALTER, "02")
                .group(HALTER_GROUP, FormData.builder().value(HALTER_NAME, "Muster").build()).build());

        assertThat(other.violations()).extracting(v -> v.path().toString(), Violation::code)
                .containsExactly(tuple("G99000000101[0].F99000000102", ViolationCode.REQUIRED));
        assertThat(filled.isValid()).isTrue();
    }

    @Test
    void aFieldRequiredOnlyByARuleNamesTheRuleAndShowsItsMessage() {
        FormValidator validator = validator(sideFile(
                "{\"id\": \"R-ende\", \"kind\": \"required\", \"target\": \"F99000000107\","
                        + " \"when\": \"F99000000104 == true\","
                        + " \"message\": {\"de\": \"Bitte das Ende angeben.\", \"en\": \"Please give the end.\"}}"));

        ValidationResult result = validator.validate(base().value(BEHINDERT, "true").build());

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo(DataPath.parse("G99000000102[0].F99000000107"));
            assertThat(v.code()).isEqualTo(ViolationCode.REQUIRED);
            assertThat(v.ruleId()).contains("R-ende");
            assertThat(v.message(Locale.GERMAN)).isEqualTo("Bitte das Ende angeben.");
            assertThat(v.message(Locale.forLanguageTag("tr"))).isEqualTo("Bitte das Ende angeben.");
            assertThat(v.messageLanguage(Locale.forLanguageTag("tr"))).isEqualTo(Locale.GERMAN);
            assertThat(v.message(Locale.ENGLISH)).isEqualTo("Please give the end.");
        });
    }

    @Test
    void recognisedBejahtRuleOnABoolFieldWithACodeListAppliesInValidation() {
        FormRule rule = new FormRule(FimId.of("R99000000001", "1.0.0"), "Regel", Optional.empty(),
                Optional.of("F99000000001 ist Pflichtfeld, wenn F99000000002 bejaht wurde."), Optional.empty(),
                Optional.empty(), Optional.empty());
        Field remark = TestSchemas.field("F99000000001", "Bemerkung", "Remark", DataType.TEXT, Precision.NONE)
                .toBuilder().rules(List.of(rule)).build();
        Field consent = Field.builder(TestSchemas.meta("F99000000002", "Zustimmung", "Consent"), FieldKind.SELECT,
                DataType.BOOL).codeList(CodeListReference.of("urn:test:ja-nein", "1")).build();
        FormSchema schema = TestSchemas.schema(TestSchemas.ref(remark, "0:1"), TestSchemas.ref(consent, "0:1"));
        FormValidator validator = FormValidator.builder(schema)
                .codeValues(CodeValues.of(Map.of("urn:test:ja-nein", Set.of("true", "false"))))
                .rules(FormRules.recognize(schema).toRuleSet()).clock(CLOCK).build();

        ValidationResult yes = validator.validate(FormData.builder().value("F99000000002", "true").build());
        ValidationResult no = validator.validate(FormData.builder().value("F99000000002", "false").build());

        assertThat(yes.violations()).extracting(v -> v.path().toString(), Violation::code, Violation::ruleId)
                .containsExactly(tuple("F99000000001", ViolationCode.REQUIRED, Optional.of("R99000000001")));
        assertThat(yes.ruleProblems()).isEmpty();
        assertThat(no.isValid()).isTrue();
    }

    // ---- visibility

    @Test
    void hiddenFieldIsNeitherValidatedNorRequired() {
        FormValidator validator = validator(sideFile(
                "{\"id\": \"V-ende\", \"kind\": \"visible\", \"target\": \"F99000000107\","
                        + " \"when\": \"F99000000104 == true\"}",
                "{\"id\": \"R-ende\", \"kind\": \"required\", \"target\": \"F99000000107\", \"when\": \"true\"}"));

        ValidationResult result = validator.validate(base().value(BEHINDERT, "false")
                .groups(ZEITRAUM, List.of(FormData.builder().value(BEGINN, "2024-07-01")
                        .value(ENDE, "kein Datum").build())).build());

        assertThat(result.isValid()).isTrue();
        assertThat(result.hiddenElements()).containsExactly(DataPath.parse("G99000000102[0].F99000000107"));
        assertThat(result.requiredByRule()).isEmpty();
    }

    @Test
    void visibleDataLeaveOutWhatARecognisedFimRuleHides() {
        FormValidator validator = validator(FormRules.recognize(SCHEMA).toRuleSet());
        FormData data = base().value(BEHINDERT, "false").value(AUSWEIS, "SB-123").build();

        ValidationResult result = validator.validate(data);

        assertThat(result.isHidden(DataPath.of(AUSWEIS))).isTrue();
        assertThat(result.visibleData().values(AUSWEIS)).isEmpty();
        assertThat(result.visibleData().toBuilder().value(AUSWEIS, "SB-123").build()).isEqualTo(data);
    }

    @Test
    void elementsInsideAHiddenGroupCountAsHidden() {
        FormValidator validator = validator(sideFile(
                "{\"id\": \"V-kind\", \"kind\": \"visible\", \"target\": \"G99000000103\","
                        + " \"when\": \"F99000000104 == true\"}"));

        ValidationResult result = validator.validate(base().group(KIND, FormData.builder()
                .value("F99000000109", "vielleicht").build()).build());

        assertThat(result.isValid()).isTrue();
        assertThat(result.isHidden(DataPath.parse("G99000000103[0].F99000000109"))).isTrue();
        assertThat(result.visibleData().groups(KIND)).isEmpty();
    }

    // ---- constraints

    @Test
    void recognisedDateOrderReportsRuleViolatedAtTheLaterDate() {
        FormValidator validator = validator(FormRules.recognize(SCHEMA).toRuleSet());

        ValidationResult result = validator.validate(base().groups(ZEITRAUM, List.of(FormData.builder()
                .value(BEGINN, "2024-07-01").value(ENDE, "30.06.2024").build())).build());

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo(DataPath.parse("G99000000102[0].F99000000107"));
            assertThat(v.code()).isEqualTo(ViolationCode.RULE_VIOLATED);
            assertThat(v.ruleId()).contains("R99000000103");
            assertThat(v.message(Locale.GERMAN))
                    .isEqualTo("Das Datum F99000000107 muss nach dem Datum F99000000106 liegen.");
            assertThat(v.message(Locale.ENGLISH)).isEqualTo("F99000000107 must be after F99000000106.");
        });
    }

    @Test
    void exactlyOneOfTwoGroupsIsViolatedWhenBothAreFilled() {
        FormValidator validator = validator(FormRules.recognize(SCHEMA).toRuleSet());

        ValidationResult both = validator.validate(base()
                .group(AUSLAND, FormData.builder().value("F99000000112", "Frankreich").build()).build());

        assertThat(both.violations()).extracting(v -> v.path().toString(), Violation::code)
                .containsExactly(tuple(INLAND, ViolationCode.RULE_VIOLATED),
                        tuple(AUSLAND, ViolationCode.RULE_VIOLATED));
    }

    @Test
    void exactlyOneOfTwoGroupsIsViolatedWhenNoneIsFilled() {
        FormValidator validator = validator(FormRules.recognize(SCHEMA).toRuleSet());

        ValidationResult none = validator.validate(base().remove(INLAND).build());

        assertThat(none.violations()).extracting(Violation::code, v -> v.ruleId().orElseThrow())
                .containsExactly(tuple(ViolationCode.RULE_VIOLATED, "R99000000104"),
                        tuple(ViolationCode.RULE_VIOLATED, "R99000000104"));
    }

    // ---- repeated groups

    @Test
    void ruleOfARepeatedGroupIsEvaluatedPerInstance() {
        FormValidator validator = validator(FormRules.recognize(SCHEMA).toRuleSet());

        ValidationResult result = validator.validate(base()
                .group(KIND, FormData.builder().value("F99000000108", "Anna").value("F99000000109", "true").build())
                .group(KIND, FormData.builder().value("F99000000108", "Ben").value("F99000000109", "false").build())
                .build());

        assertThat(result.violations()).extracting(v -> v.path().toString(), Violation::code,
                        v -> v.ruleId().orElseThrow())
                .containsExactly(tuple("G99000000103[0].F99000000110", ViolationCode.REQUIRED, "R99000000105"));
        assertThat(result.requiredByRule()).containsExactly(DataPath.parse("G99000000103[0].F99000000110"));
    }

    @Test
    void ruleInsideARepeatedGroupResolvesOutsideFieldsOutwards() {
        FormValidator validator = validator(sideFile(
                "{\"id\": \"R-schule\", \"kind\": \"required\", \"target\": \"F99000000110\","
                        + " \"when\": \"F99000000109 == true and F99000000104 == true\"}"));

        ValidationResult result = validator.validate(base().value(BEHINDERT, "true")
                .group(KIND, FormData.builder().value("F99000000108", "Anna").build())
                .group(KIND, FormData.builder().value("F99000000108", "Ben").value("F99000000109", "true").build())
                .build());

        assertThat(result.violations()).extracting(v -> v.path().toString())
                .containsExactly("G99000000103[1].F99000000110");
    }

    // ---- problems and bad rules

    @Test
    void ruleThatDoesNotFitTheDataIsReportedNotThrown() {
        FormValidator validator = validator(FormRules.recognize(SCHEMA).toRuleSet());

        ValidationResult result = validator.validate(base().groups(ZEITRAUM, List.of(FormData.builder()
                .value(BEGINN, "31.02.2024").value(ENDE, "2024-07-01").build())).build());

        assertThat(result.violations()).extracting(Violation::code)
                .containsExactly(ViolationCode.DATE_DOES_NOT_EXIST);
        assertThat(result.ruleProblems()).extracting(RuleFinding::ruleId, RuleFinding::code)
                .containsExactly(tuple("R99000000103", RuleError.EVAL_TYPE_MISMATCH));
        assertThat(result.ruleProblems().get(0).message(Locale.ENGLISH)).doesNotContain("31.02.2024");
    }

    @Test
    void sideFileRuleComparingADateWithTextFailsAtBuildWithPlaceAndColumn() {
        RuleSet rules = sideFile("{\"id\": \"C-ende\", \"kind\": \"constraint\", \"target\": \"F99000000107\","
                + " \"check\": \"F99000000107 == 'morgen'\", \"message\": {\"de\": \"Falsch.\"}}");
        FormValidator.Builder builder = FormValidator.builder(SCHEMA).rules(rules);

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
            assertThat(e.code()).isEqualTo(RuleError.TYPE_MISMATCH);
            assertThat(e.where()).contains("C-ende").contains("test.rules.json#/rules/0");
            assertThat(e.column()).isEqualTo(14);
        });
    }

    @Test
    void sideFileRuleNamingAnUnknownElementFailsAtBuildWithAHint() {
        RuleSet rules = sideFile("{\"id\": \"R-x\", \"kind\": \"required\", \"target\": \"F99000000107\","
                + " \"when\": \"F99000000194 == true\"}");
        FormValidator.Builder builder = FormValidator.builder(SCHEMA).rules(rules);

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
            assertThat(e.code()).isEqualTo(RuleError.UNKNOWN_ELEMENT);
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.getMessage()).contains("F99000000104");
        });
    }

    @Test
    void sideFileForAnotherSchemaFailsAtBuild() {
        RuleSet rules = RuleFiles.read(stream("{\"schema\": \"S05000058\", \"rules\": []}"), "other.rules.json");
        FormValidator.Builder builder = FormValidator.builder(SCHEMA).rules(rules);

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(RuleError.SCHEMA_MISMATCH));
    }

    // ---- helpers

    /** Valid data without rules: Halter "01", a Zeitraum and a domestic address. */
    private static FormData.Builder base() {
        return FormData.builder()
                .value(HALTER, "01")
                .group(ZEITRAUM, FormData.builder().value(BEGINN, "2024-07-01").build())
                .group(INLAND, FormData.builder().value("F99000000111", "50667").build());
    }

    private static FormValidator validator(RuleSet rules) {
        return FormValidator.builder(SCHEMA).fimRules(false).rules(rules).clock(CLOCK).build();
    }

    private static RuleSet sideFile(String... rules) {
        String json = "{\"schema\": \"S99000000010\", \"rules\": [" + String.join(",", rules) + "]}";
        return RuleFiles.read(stream(json), "test.rules.json");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static FormSchema load() {
        try (InputStream in = FormValidatorRulesTest.class.getResourceAsStream("xdf3-rules.xml")) {
            return FimImporter.builder().build().importSchema(in, "xdf3-rules.xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
