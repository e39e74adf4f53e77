package de.ozgsdk.forms.rules;

import static de.ozgsdk.forms.data.TestSchemas.field;
import static de.ozgsdk.forms.data.TestSchemas.group;
import static de.ozgsdk.forms.data.TestSchemas.ref;
import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormRule;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.data.TestSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Recognising the FIM rules of a whole schema and checking rule sets against a schema. */
class FormRulesTest {

    @Test
    void reportListsEveryFimRuleOfTheSchemaAsExecutableOrWhyNot() throws IOException {
        FormSchema schema = load("/de/ozgsdk/forms/validation/xdf3-rules.xml");

        RecognitionReport report = FormRules.recognize(schema);

        Map<String, Recognition> byId = report.entries().stream()
                .collect(Collectors.toMap(Recognition::fimRuleId, Function.identity()));
        assertThat(report.entries()).hasSize(schema.rules().size());
        assertThat(byId.get("R99000000101").pattern()).contains(FreeTextPattern.CONDITIONAL_REQUIRED);
        assertThat(byId.get("R99000000102").pattern()).contains(FreeTextPattern.CONDITIONAL_VISIBLE);
        assertThat(byId.get("R99000000103").pattern()).contains(FreeTextPattern.DATE_ORDER);
        assertThat(byId.get("R99000000104").pattern()).contains(FreeTextPattern.EXACTLY_ONE);
        assertThat(byId.get("R99000000106").reason().orElseThrow().code()).isEqualTo(RuleError.TEXT_NO_ELEMENT_ID);
        assertThat(report.format(Locale.ENGLISH)).contains("5 of 6 FIM rules executable");
    }

    @Test
    void ruleSpeakingOfItsOwnFieldTakesThatFieldAsTarget() throws IOException {
        FormSchema schema = load("/de/ozgsdk/forms/validation/xdf3-rules.xml");

        Recognition schule = FormRules.recognize(schema).entries().stream()
                .filter(r -> r.fimRuleId().equals("R99000000105")).findFirst().orElseThrow();

        assertThat(schule.rule().orElseThrow().targets()).containsExactly("F99000000110");
        assertThat(schule.rule().orElseThrow().condition().canonical()).isEqualTo("F99000000109 == true");
    }

    @Test
    void ruleSpeakingOfItsOwnElementStaysNotExecutableWhenTheKindDoesNotFit() {
        FormSchema schema = schemaWithFieldRule(rule("R1", "Diese Feldgruppe ist Pflichtfeld, wenn F99000000002 bejaht wurde."));

        Recognition recognition = FormRules.recognize(schema).entries().get(0);

        assertThat(recognition.isExecutable()).isFalse();
    }

    @Test
    void ruleSpeakingOfItsOwnElementStaysNotExecutableWhenAttachedToSeveralElements() {
        FormRule shared = rule("R1", "Dieses Feld ist Pflichtfeld, wenn F99000000002 bejaht wurde.");
        Field first = field("F99000000001", "Erstes", "First", DataType.TEXT, Precision.NONE).toBuilder()
                .rules(List.of(shared)).build();
        Field second = field("F99000000003", "Zweites", "Second", DataType.TEXT, Precision.NONE).toBuilder()
                .rules(List.of(shared)).build();
        FormSchema schema = TestSchemas.schema(ref(first, "0:1"), ref(second, "0:1"),
                ref(field("F99000000002", "Schalter", "Switch", DataType.BOOL, Precision.NONE), "0:1"));

        RecognitionReport report = FormRules.recognize(schema);

        assertThat(report.entries()).hasSize(2).noneMatch(Recognition::isExecutable);
    }

    @Test
    void recognisedRuleNamingAnElementTheSchemaLacksIsNotExecutable() {
        FormSchema schema = schemaWithFieldRule(rule("R1", "F99000000001 ist Pflichtfeld, wenn F99000000009 bejaht wurde."));

        Recognition recognition = FormRules.recognize(schema).entries().get(0);

        assertThat(recognition.isExecutable()).isFalse();
        assertThat(recognition.reason().orElseThrow().code()).isEqualTo(RuleError.UNKNOWN_ELEMENT);
    }

    @Test
    void recognisedRuleComparingUnfittingTypesIsNotExecutable() {
        FormSchema schema = schemaWithFieldRule(rule("R1", "Das Datum F99000000001 muss nach dem Datum F99000000002 liegen."));

        Recognition recognition = FormRules.recognize(schema).entries().get(0);

        assertThat(recognition.reason().map(RuleFinding::code)).contains(RuleError.TYPE_MISMATCH);
    }

    @Test
    void elementTypesTreatCodeListFieldsAsCodesAndGroupsAsGroups() {
        Map<String, ValueType> types = FormRules.elementTypes(TestSchemas.person());

        assertThat(types).containsEntry("F11", ValueType.CODE).containsEntry("F12", ValueType.CODE)
                .containsEntry("F2", ValueType.TEXT).containsEntry("F3", ValueType.DATE)
                .containsEntry("F9", ValueType.DATE_TIME).containsEntry("G2", ValueType.GROUP);
    }

    @Test
    void elementTypesFollowTheDatentypOfATypedFieldWithCodes() {
        Field bool = Field.builder(TestSchemas.meta("F1", "Zustimmung", "Consent"), FieldKind.SELECT, DataType.BOOL)
                .codeList(CodeListReference.of("urn:test:ja-nein", "1")).build();
        Field number = Field.builder(TestSchemas.meta("F2", "Anzahl", "Count"), FieldKind.SELECT, DataType.NUM_INT)
                .values(List.of(new InlineValue("1", "eins", Optional.empty()))).build();

        Map<String, ValueType> types = FormRules.elementTypes(TestSchemas.schema(ref(bool, "0:1"), ref(number, "0:1")));

        assertThat(types).containsEntry("F1", ValueType.BOOLEAN).containsEntry("F2", ValueType.NUMBER);
    }

    @Test
    void bejahtRuleOnABoolFieldWithACodeListIsExecutable() {
        Field withRule = field("F99000000001", "Bemerkung", "Remark", DataType.TEXT, Precision.NONE).toBuilder()
                .rules(List.of(rule("R1", "F99000000001 ist Pflichtfeld, wenn F99000000002 bejaht wurde."))).build();
        Field consent = Field.builder(TestSchemas.meta("F99000000002", "Zustimmung", "Consent"), FieldKind.SELECT,
                DataType.BOOL).codeList(CodeListReference.of("urn:test:ja-nein", "1")).build();
        FormSchema schema = TestSchemas.schema(ref(withRule, "0:1"), ref(consent, "0:1"));

        Recognition recognition = FormRules.recognize(schema).entries().get(0);

        assertThat(recognition.isExecutable()).as(recognition.describe(Locale.ENGLISH)).isTrue();
        assertThat(recognition.rule().orElseThrow().condition().canonical()).isEqualTo("F99000000002 == true");
    }

    /** F99000000001 (text, carrying the rule) and F99000000002 (bool) inside group G99000000001. */
    private static FormSchema schemaWithFieldRule(FormRule rule) {
        Field withRule = field("F99000000001", "Bemerkung", "Remark", DataType.TEXT, Precision.NONE).toBuilder()
                .rules(List.of(rule)).build();
        FieldGroup holder = group("G99000000001", "Gruppe", ref(withRule, "0:1"),
                ref(field("F99000000002", "Schalter", "Switch", DataType.BOOL, Precision.NONE), "0:1"));
        return TestSchemas.schema(ref(holder, "1:1"));
    }

    private static FormRule rule(String id, String freeText) {
        return new FormRule(FimId.of(id, "1.0.0"), "Regel", Optional.empty(), Optional.of(freeText), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static FormSchema load(String resource) throws IOException {
        try (InputStream in = FormRulesTest.class.getResourceAsStream(resource)) {
            return FimImporter.builder().build().importSchema(in, resource);
        }
    }
}
