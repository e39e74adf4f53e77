package de.ozgsdk.forms.rules;

import static de.ozgsdk.forms.data.TestSchemas.field;
import static de.ozgsdk.forms.data.TestSchemas.group;
import static de.ozgsdk.forms.data.TestSchemas.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FormRule;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.TestSchemas;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import de.ozgsdk.forms.validation.ViolationCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Rules recognised in the phrasings of real exports, applied end to end: {@link FormRules#recognize} on a schema
 * whose fields carry the FIM rules, the rule set in {@link FormValidator}, and the data that are kept.
 */
class FreeTextRulesInValidationTest {

    private static final String AUGENFARBE_TWIN = "Wenn das Feld F60007340 \"Augenfarbe\" = 97 \"Andere\", dann muss "
            + "das Feld F60007341 \"Augenfarbe (Freitext)\" befüllt sein.&#13;\nWenn das Feld F60007340 \"Augenfarbe\" "
            + "<> 97 \"Andere\", dann darf das Feld F60007341 \"Augenfarbe (Freitext)\" nicht befüllt sein.";
    private static final String WOHNSITZ_REQUIRED = "Wenn das Feld F60007350 „Wohnsitz“ = 002 „im Ausland“, dann muss "
            + "die Feldgruppe G60007351 „Anschrift im Ausland“ befüllt sein.";
    private static final String WOHNSITZ_HIDDEN = "Wenn das Feld F60007350 „Wohnsitz“ <> 002 „im Ausland“, dann darf "
            + "die die Feldgruppe G60007351 „Anschrift im Ausland“ nicht befüllt sein.";
    private static final String KASSE_VISIBLE = "\"F60007311 Name der Krankenkasse\" und "
            + "\"F60007312 Versichertennummer\" "
            + "sind nur dann zu befüllen, wenn \"F60007310 Krankenversichert\" bejaht wurde.";
    private static final String ART_REQUIRED = "Wenn im Datenfeld F60007330 der Wert 004 angegeben wurde, dann soll "
            + "F60007331 zum Pflichtfeld werden.";

    private final FormSchema schema = schema();
    private final FormValidator validator = FormValidator.builder(schema)
            .rules(FormRules.recognize(schema).toRuleSet())
            .clock(Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), ZoneId.of("Europe/Berlin")))
            .build();

    @Test
    void everyRuleOfTheSchemaIsExecutable() {
        RecognitionReport report = FormRules.recognize(schema);

        assertThat(report.notExecutable()).as(report.format(Locale.ENGLISH)).isEmpty();
        assertThat(report.toRuleSet().rules()).extracting(ExecutableRule::id)
                .containsExactly("R1", "R1.2", "R2", "R3", "R4", "R5");
    }

    @Test
    void theFreeTextFieldIsRequiredWhenTheCodeOtherIsChosen() {
        ValidationResult result = validator.validate(base().value("F60007340", "97").build());

        assertThat(result.requiredByRule()).contains(DataPath.of("F60007341"));
        assertThat(result.violationsAt(DataPath.of("F60007341"))).extracting(Violation::code, Violation::ruleId)
                .containsExactly(tuple(ViolationCode.REQUIRED, Optional.of("R1")));
        assertThat(result.isValid()).isFalse();
    }

    @Test
    void theFreeTextFieldIsDroppedFromTheKeptDataWhenAnotherCodeIsChosen() {
        ValidationResult result = validator.validate(base().value("F60007340", "01")
                .value("F60007341", "grünbraun").build());

        assertThat(result.isValid()).as(result.violations().toString()).isTrue();
        assertThat(result.hiddenElements()).contains(DataPath.of("F60007341"));
        assertThat(result.visibleData().value("F60007341")).isEmpty();
        assertThat(result.visibleData().value("F60007340")).contains("01");
    }

    @Test
    void theForeignAddressGroupIsRequiredForAForeignResidenceAndDroppedOtherwise() {
        ValidationResult abroad = validator.validate(base().value("F60007350", "002").build());
        FormData address = FormData.builder().value("F60007352", "Rue de la Paix 1").build();
        ValidationResult home = validator.validate(base().value("F60007350", "001")
                .group("G60007351", address).build());

        assertThat(abroad.requiredByRule()).contains(DataPath.of("G60007351"));
        assertThat(abroad.violations()).extracting(v -> v.path().toString()).contains("G60007351[0].F60007352");
        assertThat(home.isValid()).as(home.violations().toString()).isTrue();
        assertThat(home.hiddenElements()).contains(DataPath.of("G60007351"));
        assertThat(home.visibleData().groups("G60007351")).isEmpty();
    }

    @Test
    void theInsuranceFieldsNamedInQuotedLabelsAreKeptOnlyWhenInsured() {
        FormData.Builder data = base().value("F60007311", "Kasse").value("F60007312", "A123");

        ValidationResult insured = validator.validate(data.value("F60007310", "true").build());
        ValidationResult notInsured = validator.validate(data.value("F60007310", "false").build());

        assertThat(insured.visibleData().value("F60007311")).contains("Kasse");
        assertThat(notInsured.visibleData().value("F60007311")).isEmpty();
        assertThat(notInsured.visibleData().value("F60007312")).isEmpty();
    }

    @Test
    void theBareCodeMakesItsTargetRequired() {
        ValidationResult other = validator.validate(base().value("F60007330", "004").build());
        ValidationResult first = validator.validate(base().value("F60007330", "001").build());

        assertThat(other.violationsAt(DataPath.of("F60007331"))).extracting(Violation::ruleId)
                .containsExactly(Optional.of("R5"));
        assertThat(first.violationsAt(DataPath.of("F60007331"))).isEmpty();
    }

    @Test
    void aCodeTheInlineValuesLackMakesTheRuleNotExecutable() {
        FormSchema withTypo = schemaWith("R9", "Wenn das Feld F60007340 \"Augenfarbe\" = 79 \"Andere\", dann muss das "
                + "Feld F60007341 befüllt sein.");

        Recognition recognition = byId(FormRules.recognize(withTypo)).get("R9");

        assertThat(recognition.isExecutable()).isFalse();
        assertThat(recognition.reason().orElseThrow().code()).isEqualTo(RuleError.TEXT_CODE_NOT_IN_LIST);
        assertThat(recognition.reason().orElseThrow().message(Locale.GERMAN)).contains("F60007340").contains("\"79\"");
        assertThat(recognition.reason().orElseThrow().code().code()).isEqualTo("OZG-RULE-509");
    }

    @Test
    void aCodeOfTheTwinsSecondSentenceIsCheckedToo() {
        FormSchema withTypo = schemaWith("R9", "Wenn das Feld F60007340 = 97, dann muss das Feld F60007341 befüllt "
                + "sein. Wenn das Feld F60007340 <> 98, dann darf das Feld F60007341 nicht befüllt sein.");

        assertThat(byId(FormRules.recognize(withTypo)).get("R9").reason().map(RuleFinding::code))
                .contains(RuleError.TEXT_CODE_NOT_IN_LIST);
    }

    @Test
    void codesOfACodeListAreCheckedWhenTheListIsKnownAndNotOtherwise() {
        String text = "Wenn im Datenfeld F60007330 der Wert 005 angegeben wurde, dann soll F60007331 zum Pflichtfeld "
                + "werden.";
        FormSchema withList = schemaWith("R9", text);

        Recognition known = byId(FormRules.recognize(withList,
                (reference, columns) -> reference.canonicalUri().equals("urn:test:art")
                        ? Optional.of(Set.of("001", "004")) : Optional.empty())).get("R9");
        Recognition unknown = byId(FormRules.recognize(withList)).get("R9");

        assertThat(known.reason().map(RuleFinding::code)).contains(RuleError.TEXT_CODE_NOT_IN_LIST);
        assertThat(unknown.isExecutable()).isTrue();
    }

    private static Map<String, Recognition> byId(RecognitionReport report) {
        return report.entries().stream().collect(Collectors.toMap(Recognition::fimRuleId, Function.identity(),
                (a, b) -> a));
    }

    /** Data that satisfy every unconditional requirement of the schema. */
    private static FormData.Builder base() {
        return FormData.builder().value("F60007340", "01").value("F60007350", "001").value("F60007330", "001")
                .value("F60007310", "false");
    }

    private static FormSchema schema() {
        return build(List.of());
    }

    /** The test schema with one more rule, attached to the field F60007310. */
    private static FormSchema schemaWith(String extraId, String extraText) {
        return build(List.of(rule(extraId, extraText)));
    }

    private static FormSchema build(List<FormRule> extra) {
        Field augenfarbe = select("F60007340", "Augenfarbe", List.of(new InlineValue("01", "blau", Optional.empty()),
                new InlineValue("97", "Andere", Optional.empty())), rule("R1", AUGENFARBE_TWIN));
        Field wohnsitz = select("F60007350", "Wohnsitz", List.of(new InlineValue("001", "im Inland", Optional.empty()),
                new InlineValue("002", "im Ausland", Optional.empty())), rule("R2", WOHNSITZ_REQUIRED),
                rule("R3", WOHNSITZ_HIDDEN));
        Field art = Field.builder(TestSchemas.meta("F60007330", "Art", "Kind"), FieldKind.SELECT, DataType.TEXT)
                .codeList(CodeListReference.of("urn:test:art", "1")).rules(List.of(rule("R5", ART_REQUIRED))).build();
        Field versichert = field("F60007310", "Krankenversichert", "Insured", DataType.BOOL, Precision.NONE)
                .toBuilder().rules(concat(rule("R4", KASSE_VISIBLE), extra)).build();
        FieldGroup ausland = group("G60007351", "Anschrift im Ausland",
                ref(text("F60007352", "Straße"), "1:1"));
        return TestSchemas.schema(ref(augenfarbe, "1:1"), ref(text("F60007341", "Augenfarbe (Freitext)"), "0:1"),
                ref(wohnsitz, "1:1"), ref(ausland, "0:1"), ref(versichert, "1:1"),
                ref(text("F60007311", "Name der Krankenkasse"), "0:1"),
                ref(text("F60007312", "Versichertennummer"), "0:1"), ref(art, "1:1"),
                ref(text("F60007331", "Beschreibung"), "0:1"));
    }

    private static List<FormRule> concat(FormRule first, List<FormRule> more) {
        List<FormRule> all = new ArrayList<>(List.of(first));
        all.addAll(more);
        return all;
    }

    private static Field select(String id, String label, List<InlineValue> values, FormRule... rules) {
        return Field.builder(TestSchemas.meta(id, label, label + " (en)"), FieldKind.SELECT, DataType.TEXT)
                .values(values).rules(List.of(rules)).build();
    }

    private static Field text(String id, String label) {
        return field(id, label, label + " (en)", DataType.TEXT, Precision.NONE);
    }

    private static FormRule rule(String id, String freeText) {
        return new FormRule(FimId.of(id, "1.0.0"), "Regel " + id, Optional.empty(), Optional.of(freeText),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
