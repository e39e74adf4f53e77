package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.LocalizedText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormSchemaTest {

    private static final CodeListReference STAAT = CodeListReference.of("urn:de:bund:destatis:staat", "2020-05-11");
    private static final FormRule RULE = new FormRule(FimId.of("R60000001", "1.0"), "Pflicht bei Ausland",
            Optional.empty(), Optional.of("Wenn F60000002 ..."), Optional.of(RuleType.VALIDATION), Optional.empty(),
            Optional.empty());

    private final Field street = Field.builder(meta("F60000001", "Straße"), FieldKind.INPUT, DataType.TEXT)
            .precision(Precision.builder().minLength(1).maxLength(55).build())
            .build();
    private final Field country = Field.builder(meta("F60000002", "Staat"), FieldKind.SELECT, DataType.TEXT)
            .codeList(STAAT)
            .rules(List.of(RULE))
            .build();
    private final FieldGroup address = FieldGroup.builder(meta("G60000001", "Anschrift"))
            .children(List.of(new ElementRef(street, Multiplicity.EXACTLY_ONE),
                    new ElementRef(country, Multiplicity.OPTIONAL)))
            .build();
    private final FormSchema schema = FormSchema.builder(meta("S60000001", "Antrag"), XdfVersion.XDF2,
                    MessageKind.STAMMDATENSCHEMA)
            .children(List.of(new ElementRef(address, Multiplicity.EXACTLY_ONE),
                    new ElementRef(address, Multiplicity.parse("0:3")),
                    new ElementRef(country, Multiplicity.OPTIONAL)))
            .build();

    private static ElementMetadata meta(String id, String name) {
        return ElementMetadata.builder(FimId.of(id, "1.0"), name).build();
    }

    @Test
    void listsSharedElementsOnceInDepthFirstOrder() {
        assertThat(schema.fields()).containsExactly(street, country);
        assertThat(schema.groups()).containsExactly(address);
        assertThat(schema.children().get(0).element()).isSameAs(schema.children().get(1).element());
    }

    @Test
    void findsElementsById() {
        assertThat(schema.element("F60000001")).containsSame(street);
        assertThat(schema.element(FimId.of("G60000001", "1.0"))).containsSame(address);
        assertThat(schema.element(FimId.of("G60000001", "9.9"))).isEmpty();
        assertThat(schema.field("G60000001")).isEmpty();
        assertThat(schema.group("G60000001")).containsSame(address);
    }

    @Test
    void collectsCodeListReferencesAndRulesOnceWithTheirOwner() {
        assertThat(schema.codeListReferences()).containsExactly(STAAT);
        assertThat(schema.rules()).containsExactly(new AttachedRule(RULE, FimId.of("F60000002", "1.0")));
    }

    @Test
    void labelFallsBackToTheName() {
        assertThat(street.label()).isEqualTo(LocalizedText.of("Straße"));
        ElementMetadata labelled = meta("F1", "Name").toBuilder().inputLabel(LocalizedText.of("Label")).build();
        assertThat(labelled.label().german()).isEqualTo("Label");
    }

    @Test
    void groupsWithEqualContentAreEqual() {
        FieldGroup copy = address.toBuilder().build();
        assertThat(copy).isEqualTo(address).hasSameHashCodeAs(address);
        assertThat(address.toBuilder().choice(true).build()).isNotEqualTo(address);
    }

    @Test
    void ruleWithTheEditorsEmptyScriptHasNoScriptBody() {
        FormRule empty = new FormRule(FimId.of("R1"), "r", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("function script() {\r\n\n }"), Optional.empty());
        assertThat(empty.hasScriptBody()).isFalse();
        assertThat(new FormRule(FimId.of("R1"), "r", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("return a > b;"), Optional.empty()).hasScriptBody()).isTrue();
    }
}
