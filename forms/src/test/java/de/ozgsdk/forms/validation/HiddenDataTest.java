package de.ozgsdk.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FormRule;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.forms.data.TestSchemas;
import de.ozgsdk.forms.rules.ExecutableRule;
import de.ozgsdk.forms.rules.FormRules;
import de.ozgsdk.forms.rules.RuleExpression;
import de.ozgsdk.forms.rules.RuleKind;
import de.ozgsdk.forms.rules.RuleSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data hidden by {@code visible} rules never leave the form: over {@link HiddenDataForm} (hidden fields and groups
 * at every nesting level, per instance of repeated groups, the unchosen alternative of an Auswahlgruppe), they are
 * neither checked nor required, {@link ValidationResult#visibleData()} leaves them out, and so does the JSON written
 * from it. The same rules come once from a side file and once built in code.
 */
class HiddenDataTest {

    private static final FormSchema SCHEMA = HiddenDataForm.schema();

    static Stream<Arguments> ruleSources() {
        return Stream.of(Arguments.of("side file", HiddenDataForm.sideFileRules()),
                Arguments.of("program", HiddenDataForm.programRules()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleSources")
    void hidesEveryPlaceAtEveryLevelAndInEveryInstance(String source, RuleSet rules) {
        ValidationResult result = validator(rules).validate(HiddenDataForm.data(true));

        assertThat(result.hiddenElements()).containsExactlyInAnyOrderElementsOf(HiddenDataForm.HIDDEN);
        assertThat(HiddenDataForm.HIDDEN).allSatisfy(path -> assertThat(result.isHidden(path)).isTrue());
        assertThat(result.isHidden(DataPath.parse("G99000110[0].G99000120[0].G99000122[0].F99000125"))).isTrue();
        assertThat(result.isHidden(DataPath.parse("G99000140[0].F99000142"))).isFalse();
        assertThat(result.isHidden(DataPath.parse("G99000140[1].G99000150[0].F99000152"))).isFalse();
        assertThat(result.isHidden(DataPath.parse("G99000110[0].G99000130[0].G99000133"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleSources")
    void hiddenPlacesAreNeitherCheckedNorRequired(String source, RuleSet rules) {
        FormData data = HiddenDataForm.data(true);

        ValidationResult withRules = validator(rules).validate(data);
        ValidationResult withoutRules = validator(RuleSet.empty()).validate(data);

        assertThat(withRules.violations()).isEmpty();
        // the same data checked without the rules: every hidden place would be reported
        assertThat(withoutRules.violations()).extracting(v -> v.path().toString(), Violation::code).contains(
                tuple("F99000101", ViolationCode.TOO_LONG),
                tuple("G99000102[0].F99000103", ViolationCode.REQUIRED),
                tuple("G99000110[0].F99000111", ViolationCode.TOO_LONG),
                tuple("G99000110[0].G99000112[0].F99000113", ViolationCode.REQUIRED),
                tuple("G99000110[0].G99000120[0].F99000121", ViolationCode.TOO_LONG),
                tuple("G99000110[0].G99000120[0].G99000122[0].F99000123", ViolationCode.REQUIRED),
                tuple("G99000110[0].G99000130[0]", ViolationCode.CHOICE_AMBIGUOUS),
                tuple("G99000140[1].F99000142", ViolationCode.TOO_LONG),
                tuple("G99000140[1].G99000143[0].F99000144", ViolationCode.REQUIRED),
                tuple("G99000140[0].G99000150[1].F99000152", ViolationCode.TOO_LONG),
                tuple("G99000140[1].G99000150[1].F99000152", ViolationCode.TOO_LONG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleSources")
    void visibleDataAreTheDataWithoutEveryHiddenPlace(String source, RuleSet rules) {
        ValidationResult result = validator(rules).validate(HiddenDataForm.data(true));

        assertThat(result.visibleData()).isEqualTo(HiddenDataForm.data(false));
        assertThat(HiddenDataForm.secretsIn(result.visibleData())).isEmpty();
        assertThat(HiddenDataForm.secretsIn(HiddenDataForm.data(true))).hasSize(HiddenDataForm.HIDDEN
                .size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleSources")
    void jsonWrittenFromTheVisibleDataHoldsNoHiddenValue(String source, RuleSet rules) {
        FormDataJson json = FormDataJson.of(SCHEMA);
        ValidationResult result = validator(rules).validate(HiddenDataForm.data(true));

        String written = json.write(result.visibleData());

        assertThat(HiddenDataForm.secretsIn(written)).isEmpty();
        assertThat(written).contains(HiddenDataForm.openValues());
        assertThat(json.read(written)).isEqualTo(HiddenDataForm.data(false));
        assertThat(HiddenDataForm.secretsIn(json.write(HiddenDataForm.data(true))))
                .as("the unfiltered data hold every secret").hasSize(HiddenDataForm.HIDDEN.size());
    }

    @Test
    void dataAlreadyFreeOfHiddenValuesAreKeptAsTheyAre() {
        FormData clean = HiddenDataForm.data(false);

        ValidationResult result = validator(HiddenDataForm.sideFileRules()).validate(clean);

        assertThat(result.isValid()).isTrue();
        assertThat(result.visibleData()).isEqualTo(clean);
    }

    @Test
    void switchedOnOnlyThePerInstancePlacesAndTheOtherAlternativeAreHidden() {
        FormData data = HiddenDataForm.data(true).toBuilder().value("F99000100", "true").build();

        ValidationResult result = validator(HiddenDataForm.sideFileRules()).validate(data);

        assertThat(result.hiddenElements()).containsExactlyInAnyOrder(
                DataPath.parse("G99000110[0].G99000130[0].G99000133"),
                DataPath.parse("G99000140[1].F99000142"), DataPath.parse("G99000140[1].G99000143"),
                DataPath.parse("G99000140[0].G99000150[1].F99000152"),
                DataPath.parse("G99000140[1].G99000150[1].F99000152"));
        assertThat(result.visibleData().group(DataPath.parse("G99000110[0].G99000130[0]")).orElseThrow().ids())
                .containsExactly("G99000131");
        assertThat(result.visibleData().value(DataPath.parse("F99000101"))).hasValueSatisfying(
                v -> assertThat(v).startsWith(HiddenDataForm.SECRET));
    }

    @Test
    void recognisedFimRulesHideAFieldInAGroupInAGroupAndInOneInstanceOfARepeatedGroup() {
        FormSchema schema = withFimRule(SCHEMA, "F99000121",
                "F99000121 \"Vertraulich\" ist nur dann zu befüllen, wenn F99000100 \"Schalter\" bejaht wurde.");
        schema = withFimRule(schema, "F99000152", "F99000152 ist nur dann zu befüllen, wenn F99000151 bejaht wurde.");

        ValidationResult result = FormValidator.builder(schema).rules(FormRules.recognize(schema).toRuleSet())
                .build().validate(HiddenDataForm.data(true));

        List<DataPath> hidden = List.of(DataPath.parse("G99000110[0].G99000120[0].F99000121"),
                DataPath.parse("G99000140[0].G99000150[1].F99000152"),
                DataPath.parse("G99000140[1].G99000150[1].F99000152"));
        assertThat(result.hiddenElements()).containsExactlyInAnyOrderElementsOf(hidden);
        assertThat(hidden).allSatisfy(path -> assertThat(result.visibleData().values(path)).isEmpty());
        assertThat(result.visibleData().values(DataPath.parse("G99000140[0].G99000150[0].F99000152")))
                .containsExactly("OFFEN-F99000152-0-0");
        assertThat(HiddenDataForm.secretsIn(FormDataJson.of(schema).write(result.visibleData())))
                .hasSize(HiddenDataForm.HIDDEN.size() - hidden.size());
    }

    // ---- groups and choices that hold only hidden data

    @Test
    void anOptionalInstanceHoldingOnlyHiddenDataCountsAsAbsent() {
        // without its switch F99000141 (required) the instance shows nothing that it holds
        FormData data = FormData.builder().value("F99000100", "true")
                .group("G99000140", FormData.builder().value("F99000142", "GEHEIM-allein").build()).build();

        ValidationResult result = validator(HiddenDataForm.sideFileRules()).validate(data);

        assertThat(result.violations()).isEmpty();
        assertThat(result.visibleData().groups("G99000140")).singleElement()
                .satisfies(instance -> assertThat(instance.isBlank()).isTrue());
    }

    @Test
    void anOptionalAuswahlgruppeHoldingOnlyItsHiddenAlternativeCountsAsAbsent() {
        FormData alternative = FormData.builder().value("F99000132", "GEHEIM-a").build();
        FormData data = FormData.builder().value("F99000100", "false").group("G99000110", FormData.builder()
                .group("G99000130", FormData.builder().group("G99000131", alternative).build()).build()).build();

        ValidationResult result = validator(HiddenDataForm.sideFileRules()).validate(data);

        assertThat(result.violations()).isEmpty();
        assertThat(HiddenDataForm.secretsIn(result.visibleData())).isEmpty();
    }

    @Test
    void inARequiredAuswahlgruppeTheHiddenAlternativeCountsAsNotFilledAndIsNotChecked() {
        FieldGroup choice = TestSchemas.group("G1", "Kontakt", TestSchemas.ref(field("F1"), "1:1"),
                TestSchemas.ref(field("F2"), "1:1")).toBuilder().choice(true).build();
        FormSchema schema = TestSchemas.schema(TestSchemas.ref(field("F0"), "0:1"), TestSchemas.ref(choice, "1:1"));
        RuleSet rules = RuleSet.of("S1", List.of(ExecutableRule.builder("V-1", RuleKind.VISIBLE,
                RuleExpression.parse("F0 == 'a'")).target("F1").build()));
        FormValidator validator = FormValidator.builder(schema).rules(rules).build();

        ValidationResult hiddenOnly = validator.validate(FormData.builder().value("F0", "b")
                .group("G1", FormData.builder().value("F1", "GEHEIM-zu-lang").build()).build());
        ValidationResult otherTooLong = validator.validate(FormData.builder().value("F0", "b")
                .group("G1", FormData.builder().value("F1", "GEHEIM-zu-lang").value("F2", "zu lang").build())
                .build());
        ValidationResult both = validator.validate(FormData.builder().value("F0", "b")
                .group("G1", FormData.builder().value("F1", "GEHEIM-zu-lang").value("F2", "ok").build()).build());
        ValidationResult bothShown = validator.validate(FormData.builder().value("F0", "a")
                .group("G1", FormData.builder().value("F1", "ja").value("F2", "ok").build()).build());

        assertThat(hiddenOnly.violations()).extracting(v -> v.path().toString(), Violation::code)
                .containsExactly(tuple("G1[0]", ViolationCode.REQUIRED));
        assertThat(otherTooLong.violations()).extracting(v -> v.path().toString(), Violation::code)
                .containsExactly(tuple("G1[0].F2", ViolationCode.TOO_LONG));
        assertThat(both.violations()).isEmpty();
        assertThat(both.visibleData().group(DataPath.parse("G1[0]")).orElseThrow().ids()).containsExactly("F2");
        assertThat(bothShown.violations()).extracting(v -> v.path().toString(), Violation::code)
                .containsExactly(tuple("G1[0]", ViolationCode.CHOICE_AMBIGUOUS));
    }

    @Test
    void eachInstanceOfARepeatedGroupChoosesItsOwnAlternativeByRule() {
        FieldGroup choice = TestSchemas.group("G2", "Kontakt",
                TestSchemas.ref(TestSchemas.group("G3", "Post", TestSchemas.ref(field("F3"), "1:1")), "1:1"),
                TestSchemas.ref(TestSchemas.group("G4", "E-Mail", TestSchemas.ref(field("F4"), "1:1")), "1:1"))
                .toBuilder().choice(true).build();
        FieldGroup person = TestSchemas.group("G1", "Person", TestSchemas.ref(field("F0"), "1:1"),
                TestSchemas.ref(choice, "1:1"));
        FormSchema schema = TestSchemas.schema(TestSchemas.ref(person, "0:*"));
        RuleSet rules = RuleSet.of("S1", List.of(
                ExecutableRule.builder("V-post", RuleKind.VISIBLE, RuleExpression.parse("F0 == 'post'"))
                        .target("G3").build(),
                ExecutableRule.builder("V-mail", RuleKind.VISIBLE, RuleExpression.parse("F0 == 'mail'"))
                        .target("G4").build()));
        FormData both = FormData.builder()
                .group("G3", FormData.builder().value("F3", "Weg 1").build())
                .group("G4", FormData.builder().value("F4", "a@b").build()).build();
        FormData data = FormData.builder().groups("G1", List.of(
                FormData.builder().value("F0", "post").group("G2", both).build(),
                FormData.builder().value("F0", "mail").group("G2", both).build())).build();

        ValidationResult result = FormValidator.builder(schema).rules(rules).build().validate(data);

        assertThat(result.violations()).isEmpty();
        assertThat(result.hiddenElements()).containsExactlyInAnyOrder(DataPath.parse("G1[0].G2[0].G4"),
                DataPath.parse("G1[1].G2[0].G3"));
        assertThat(result.visibleData().group(DataPath.parse("G1[0].G2[0]")).orElseThrow().ids())
                .containsExactly("G3");
        assertThat(result.visibleData().group(DataPath.parse("G1[1].G2[0]")).orElseThrow().ids())
                .containsExactly("G4");
        assertThat(FormDataJson.of(schema).write(result.visibleData())).contains("Weg 1", "a@b")
                .containsOnlyOnce("Weg 1").containsOnlyOnce("a@b");
    }

    private static Field field(String id) {
        return TestSchemas.field(id, "Feld " + id, "Field " + id, DataType.TEXT,
                Precision.builder().maxLength(5).build());
    }

    private static FormValidator validator(RuleSet rules) {
        return FormValidator.builder(SCHEMA).rules(rules).build();
    }

    /** The schema with a FIM rule (free text only, as in real files) attached to the field, wherever it is. */
    private static FormSchema withFimRule(FormSchema schema, String fieldId, String text) {
        FormRule rule = new FormRule(FimId.of("R" + fieldId.substring(1), "1.0.0"), "Regel " + fieldId,
                Optional.empty(), Optional.of(text), Optional.empty(), Optional.empty(), Optional.empty());
        return schema.toBuilder().children(attach(schema.children(), fieldId, rule)).build();
    }

    private static List<ElementRef> attach(List<ElementRef> children, String fieldId, FormRule rule) {
        return children.stream().map(ref -> {
            if (ref.element() instanceof Field f && f.id().id().equals(fieldId)) {
                return new ElementRef(f.toBuilder().rules(List.of(rule)).build(), ref.multiplicity());
            }
            if (ref.element() instanceof FieldGroup g) {
                return new ElementRef(g.toBuilder().children(attach(g.children(), fieldId, rule)).build(),
                        ref.multiplicity());
            }
            return ref;
        }).toList();
    }
}
