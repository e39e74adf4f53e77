package de.ozgsdk.forms.render;

import static de.ozgsdk.forms.render.TestSchemas.at;
import static de.ozgsdk.forms.render.TestSchemas.group;
import static de.ozgsdk.forms.render.TestSchemas.input;
import static de.ozgsdk.forms.render.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StepPlanTest {

    private final FormSchema schema = schema("Antrag", at(input("F1", "Name", DataType.TEXT), "1:1"),
            at(group("G1", "Anschrift", at(input("F2", "Straße", DataType.TEXT), "1:1")), "1:1"),
            at(input("F3", "Bemerkung", DataType.TEXT), "0:1"),
            at(group("G2", "Fahrzeug", at(input("F4", "Kennzeichen", DataType.TEXT), "1:1")), "0:1"));

    @Test
    void collectsLooseFieldsInTheFirstStepWhereverTheyStand() {
        StepPlan plan = StepPlan.byTopLevelGroups(schema);

        assertThat(plan.steps()).extracting(s -> s.title().german()).containsExactly("Antrag", "Anschrift",
                "Fahrzeug");
        assertThat(plan.step(0).elements()).extracting(e -> e.id().id()).containsExactly("F1", "F3");
        assertThat(plan.stepOf("G2")).hasValue(2);
    }

    @Test
    void takesAnExplicitPlanInSchemaOrder() {
        StepPlan plan = StepPlan.builder(schema)
                .step(LocalizedText.builder("Person").put(Locale.ENGLISH, "Person").build(), "G1", "F1")
                .step(LocalizedText.of("Rest"), "F3", "G2").build();

        assertThat(plan.step(0).elements()).extracting(e -> e.id().id()).containsExactly("F1", "G1");
        String html = FormRenderer.builder(schema).steps(plan).build()
                .renderStep(0, FormData.empty(), List.of(), Locale.ENGLISH).fragment();
        assertThat(html).contains("<legend class=\"ozg-step-legend\">Person</legend>").contains("Step 1 of 3");
        HtmlDocument.parse(html).assertAccessibleStructure();
    }

    @Test
    void refusesAPlanThatLeavesOutAnElement() {
        assertThatThrownBy(() -> StepPlan.builder(schema).step(LocalizedText.of("A"), "F1", "G1", "F3").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("OZG-RENDER-103")
                .hasMessageContaining("G2");
    }

    @Test
    void refusesAnElementInTwoSteps() {
        assertThatThrownBy(() -> StepPlan.builder(schema).step(LocalizedText.of("A"), "F1", "G1")
                .step(LocalizedText.of("B"), "G1", "F3", "G2").build())
                .hasMessageContaining("OZG-RENDER-104");
    }

    @Test
    void refusesElementsThatAreNotTopLevel() {
        assertThatThrownBy(() -> StepPlan.builder(schema).step(LocalizedText.of("A"), "F2"))
                .hasMessageContaining("OZG-RENDER-102");
    }

    @Test
    void refusesEmptyStepsAndEmptyPlans() {
        assertThatThrownBy(() -> StepPlan.builder(schema).step(LocalizedText.of("A")))
                .hasMessageContaining("OZG-RENDER-105");
        assertThatThrownBy(() -> StepPlan.builder(schema).build()).hasMessageContaining("OZG-RENDER-105");
    }

    @Test
    void blamesTheSchemaNotTheStepPlanWhenTheSchemaHasNoField() {
        FormSchema empty = schema("Leer");
        FormSchema onlyEmptyGroup = schema("Leer", at(group("G1", "Leere Gruppe"), "1:1"));

        for (FormSchema withoutFields : List.of(empty, onlyEmptyGroup)) {
            assertThatThrownBy(() -> StepPlan.byTopLevelGroups(withoutFields))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.code()).isEqualTo(RenderError.SCHEMA_WITHOUT_FIELDS);
                        assertThat(e.userMessage(Locale.GERMAN)).contains("kein einziges Feld")
                                .doesNotContain("Schrittplan ist leer");
                        assertThat(e.userMessage(Locale.ENGLISH)).contains("has no field at all");
                    });
        }
        assertThatThrownBy(() -> StepPlan.builder(onlyEmptyGroup).step(LocalizedText.of("A"), "G1").build())
                .hasMessageContaining("OZG-RENDER-111");
    }
}
