package de.ozgsdk.forms.render;

import static de.ozgsdk.forms.render.TestSchemas.at;
import static de.ozgsdk.forms.render.TestSchemas.group;
import static de.ozgsdk.forms.render.TestSchemas.input;
import static de.ozgsdk.forms.render.TestSchemas.meta;
import static de.ozgsdk.forms.render.TestSchemas.schema;
import static de.ozgsdk.forms.render.TestSchemas.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.rules.FormRules;
import de.ozgsdk.forms.rules.RuleFiles;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

class FormRendererTest {

    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    private final Field surname = Field.builder(meta("F1", "Familienname", "Wie im Ausweis"), FieldKind.INPUT,
            DataType.TEXT).precision(Precision.builder().maxLength(55).build()).build();
    private final Field birthday = input("F2", "Geburtsdatum", DataType.DATE);
    private final Field street = input("F3", "Straße", DataType.TEXT);
    private final FormSchema schema = schema("Testantrag", at(surname, "1:1"), at(birthday, "0:1"),
            at(group("G1", "Anschrift", at(street, "1:1")), "1:1"));

    static Stream<Arguments> ownFixtures() {
        return TestSchemas.OWN_FIXTURES.stream().flatMap(name -> Stream.of(
                Arguments.of(name, Locale.GERMAN), Arguments.of(name, ARABIC)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ownFixtures")
    void rendersEveryStepOfTheOwnFixturesWithAndWithoutViolations(String name, Locale locale) {
        FormSchema fixture = TestSchemas.resource(name);
        FormRenderer renderer = FormRenderer.of(fixture);
        ValidationResult result = FormValidator.builder(fixture)
                .rules(FormRules.recognize(fixture).toRuleSet()).build().validate(FormData.empty());
        for (int step = 0; step < renderer.steps().size(); step++) {
            for (List<Violation> violations : List.of(List.<Violation>of(), result.violations())) {
                RenderRequest request = RenderRequest.builder(FormData.empty()).locale(locale)
                        .violations(violations).build();
                checkPage(renderer.renderStep(step, request), locale);
            }
        }
        checkPage(renderer.renderReview(RenderRequest.builder(FormData.empty()).validation(result)
                .locale(locale).build()), locale);
    }

    static void checkPage(RenderedPage page, Locale locale) {
        HtmlDocument document = HtmlDocument.parse(page.page()).assertAccessibleStructure();
        boolean arabic = "ar".equals(locale.getLanguage());
        assertThat(document.root().getAttribute("lang")).isEqualTo(arabic ? "ar" : "de");
        assertThat(document.root().getAttribute("dir")).isEqualTo(arabic ? "rtl" : "ltr");
        HtmlDocument.parse(page.fragment()).assertAccessibleStructure();
    }

    @Test
    void splitsLooseFieldsIntoAFirstStepAndEachTopLevelGroupIntoOneStep() {
        StepPlan plan = FormRenderer.of(schema).steps();

        assertThat(plan.steps()).extracting(s -> s.title().german()).containsExactly("Testantrag", "Anschrift");
        assertThat(plan.step(0).elements()).extracting(e -> e.id().id()).containsExactly("F1", "F2");
    }

    @Test
    void rendersOneStepAsFieldsetWithLegendAndEveryInputWithABoundLabel() {
        HtmlDocument page = HtmlDocument.parse(FormRenderer.of(schema)
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN).page());

        Element step = page.byId("step-0");
        assertThat(step.getTagName()).isEqualTo("fieldset");
        assertThat(page.all("legend").get(0).getTextContent()).isEqualTo("Testantrag");
        assertThat(page.all("label")).extracting(l -> l.getAttribute("for"))
                .containsExactly("f-F1", "f-F2");
    }

    @Test
    void marksRequiredFieldsInTextNotOnlyWithAnAsterisk() {
        HtmlDocument page = HtmlDocument.parse(FormRenderer.of(schema)
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN).fragment());

        assertThat(page.all("label").get(0).getTextContent()).isEqualTo("Familienname (Pflichtfeld)");
        assertThat(page.all("label").get(1).getTextContent()).isEqualTo("Geburtsdatum");
        assertThat(page.byId("f-F1").getAttribute("aria-required")).isEqualTo("true");
    }

    @Test
    void marksRequiredFieldsInEnglish() {
        HtmlDocument page = HtmlDocument.parse(FormRenderer.of(schema)
                .renderStep(0, FormData.empty(), List.of(), Locale.ENGLISH).fragment());

        assertThat(page.all("label").get(0).getTextContent()).isEqualTo("Familienname (required)");
    }

    @Test
    void linksHelpTextsAndDateHintsWithAriaDescribedBy() {
        HtmlDocument page = HtmlDocument.parse(FormRenderer.of(schema)
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN).fragment());

        assertThat(page.byId("f-F1").getAttribute("aria-describedby")).isEqualTo("h-f-F1");
        assertThat(page.byId("h-f-F1").getTextContent()).isEqualTo("Wie im Ausweis");
        assertThat(page.byId("h-f-F2").getTextContent()).contains("TT.MM.JJJJ");
        assertThat(page.byId("f-F2").getAttribute("type")).isEqualTo("text");
    }

    @Test
    void marksPrefilledFieldsWithALinkedHintAndShowsReadOnlyOnesReadOnly() {
        FormData data = FormData.builder().value("F1", "Weiß").value("F2", "29.02.1980").build();
        RenderRequest request = RenderRequest.builder(data)
                .prefilled(Set.of(DataPath.parse("F1"), DataPath.parse("F2[0]")), Set.of(DataPath.parse("F1")))
                .build();
        HtmlDocument page = HtmlDocument.parse(FormRenderer.of(schema).renderStep(0, request).fragment());

        assertThat(page.byId("f-F1").getAttribute("aria-describedby")).isEqualTo("h-f-F1");
        assertThat(page.byId("h-f-F1").getTextContent()).contains("Wie im Ausweis", "Aus Ihrem Servicekonto übernommen");
        assertThat(page.byId("f-F1").hasAttribute("readonly")).isTrue();
        assertThat(page.byId("h-f-F2").getTextContent()).contains("Aus Ihrem Servicekonto übernommen");
        assertThat(page.byId("f-F2").hasAttribute("readonly")).as("prefilled, but editable").isFalse();

        HtmlDocument plain = HtmlDocument.parse(FormRenderer.of(schema).renderStep(0, RenderRequest.builder(data)
                .locale(Locale.ENGLISH).prefilled(Set.of(DataPath.parse("F1")), Set.of()).build()).fragment());
        assertThat(plain.byId("h-f-F1").getTextContent()).contains("Taken from your service account");
        assertThat(plain.byId("h-f-F2").getTextContent()).doesNotContain("service account");
    }

    @Test
    void showsAnErrorSummaryLinkingToTheInvalidInputsAndMarksThemInvalid() {
        FormData data = FormData.builder().value("F2", "31.02.2024").build();
        ValidationResult result = FormValidator.of(schema).validate(data);
        RenderedPage rendered = FormRenderer.of(schema).renderStep(0, data, result.violations(), Locale.GERMAN);
        HtmlDocument page = HtmlDocument.parse(rendered.page());

        Element summary = page.byId("ozg-error-summary");
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        assertThat(summary.getElementsByTagName("h2").item(0).getTextContent()).isEqualTo("Es gibt ein Problem");
        List<Element> links = page.all("a");
        assertThat(links).extracting(a -> a.getAttribute("href")).containsExactly("#f-F1", "#f-F2");
        assertThat(page.byId("f-F2").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.byId("f-F2").getAttribute("aria-describedby")).isEqualTo("h-f-F2 e-f-F2");
        assertThat(page.byId("e-f-F2").getTextContent()).contains("Fehler:").contains("Geburtsdatum");
        assertThat(rendered.title()).startsWith("Fehler: ");
    }

    @Test
    void showsViolationMessagesInThePageLanguageWithoutAGermanMarker() {
        FormData data = FormData.builder().value("F2", "kein Datum").build();
        ValidationResult result = FormValidator.of(schema).validate(data);

        HtmlDocument page = HtmlDocument.parse(FormRenderer.of(schema)
                .renderStep(0, data, result.violations(), ARABIC).page());

        Element error = page.byId("e-f-F2");
        assertThat(error.getTextContent()).contains("يرجى إدخال تاريخ صالح");
        assertThat(page.allElements()).filteredOn(e -> e.getTextContent().contains("يرجى إدخال"))
                .as("no element around the message marks it as German")
                .noneMatch(e -> "de".equals(e.getAttribute("lang")));
    }

    @Test
    void showsOnlyTheViolationsOfTheStepRendered() {
        ValidationResult result = FormValidator.of(schema).validate(FormData.empty());

        HtmlDocument second = HtmlDocument.parse(FormRenderer.of(schema)
                .renderStep(1, FormData.empty(), result.violations(), Locale.GERMAN).fragment());

        assertThat(second.all("a")).extracting(a -> a.getAttribute("href"))
                .containsExactly("#f-G1.0.F3");
    }

    @Test
    void showsProgressAsTextAndAsListWithTheCurrentStepMarked() {
        HtmlDocument page = HtmlDocument.parse(FormRenderer.of(schema)
                .renderStep(1, FormData.empty(), List.of(), Locale.GERMAN).fragment());

        assertThat(page.all("nav").get(0).getElementsByTagName("p").item(0).getTextContent())
                .isEqualTo("Schritt 2 von 3");
        List<Element> items = page.all("li");
        assertThat(items).extracting(Element::getTextContent)
                .containsExactly("Testantrag", "Anschrift", "Angaben prüfen");
        assertThat(items.get(1).getAttribute("aria-current")).isEqualTo("step");
        assertThat(items.get(0).hasAttribute("aria-current")).isFalse();
    }

    @Test
    void prefillsTheValuesAsEntered() {
        FormData data = FormData.builder().value("F1", "Müller-Lüdenscheidt").value("F2", "1.2.1990")
                .group("G1", FormData.builder().value("F3", "Hauptstraße 1").build()).build();
        FormRenderer renderer = FormRenderer.of(schema);

        HtmlDocument first = HtmlDocument.parse(renderer.renderStep(0, data, List.of(), Locale.GERMAN).fragment());
        HtmlDocument second = HtmlDocument.parse(renderer.renderStep(1, data, List.of(), Locale.GERMAN).fragment());

        assertThat(first.byId("f-F1").getAttribute("value")).isEqualTo("Müller-Lüdenscheidt");
        assertThat(first.byId("f-F2").getAttribute("value")).isEqualTo("1.2.1990");
        assertThat(second.byId("f-G1.0.F3").getAttribute("name")).isEqualTo("G1[0].F3");
        assertThat(second.byId("f-G1.0.F3").getAttribute("value")).isEqualTo("Hauptstraße 1");
    }

    @Test
    void rendersArabicPagesRightToLeftAndMarksGermanLabelsAsGerman() {
        RenderedPage rendered = FormRenderer.of(schema).renderStep(0, FormData.empty(), List.of(), ARABIC);
        HtmlDocument page = HtmlDocument.parse(rendered.page());

        assertThat(rendered.direction()).isEqualTo("rtl");
        assertThat(page.root().getAttribute("lang")).isEqualTo("ar");
        Element labelText = (Element) page.all("label").get(0).getElementsByTagName("span").item(0);
        assertThat(labelText.getAttribute("lang")).isEqualTo("de");
        assertThat(labelText.getAttribute("dir")).isEqualTo("ltr");
        assertThat(page.all("label").get(0).getTextContent()).contains("(حقل إلزامي)");
    }

    @Test
    void fallsBackToGermanForLanguagesWithoutUiTexts() {
        RenderedPage rendered = FormRenderer.of(schema).renderStep(0, FormData.empty(), List.of(), Locale.FRENCH);

        assertThat(rendered.language()).isEqualTo("de");
        assertThat(rendered.fragment()).contains("Schritt 1 von 3");
    }

    @Test
    void usesTheUiTextsOfTurkishAndUkrainian() {
        FormRenderer renderer = FormRenderer.of(schema);

        assertThat(renderer.renderStep(0, FormData.empty(), List.of(), Locale.forLanguageTag("tr")).fragment())
                .contains("Adım 1 / 3").contains("(zorunlu)");
        assertThat(renderer.renderStep(0, FormData.empty(), List.of(), Locale.forLanguageTag("uk")).fragment())
                .contains("Крок 1 з 3").contains("(обов’язкове поле)");
    }

    @Test
    void refusesAStepIndexOutsideThePlan() {
        FormRenderer renderer = FormRenderer.of(schema);

        assertThatThrownBy(() -> renderer.renderStep(3, FormData.empty(), List.of(), Locale.GERMAN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("OZG-RENDER-101");
    }

    @Test
    void leavesOutElementsThatRulesHide() {
        FormSchema rules = TestSchemas.resource("/de/ozgsdk/forms/validation/xdf3-rules.xml");
        FormValidator validator = FormValidator.builder(rules).rules(FormRules.recognize(rules).toRuleSet()).build();
        FormRenderer renderer = FormRenderer.of(rules);
        int step = renderer.steps().stepOf("F99000000105").orElseThrow();

        String hidden = renderer.renderStep(step, RenderRequest.builder(FormData.empty())
                .validation(validator.validate(FormData.builder().value("F99000000104", "false").build()))
                .build()).fragment();
        String shown = renderer.renderStep(step, RenderRequest.builder(FormData.empty())
                .validation(validator.validate(FormData.builder().value("F99000000104", "true").build()))
                .build()).fragment();

        assertThat(hidden).doesNotContain("F99000000105");
        assertThat(shown).contains("name=\"F99000000105\"");
    }

    @Test
    void rendersAStepWhoseGroupARuleHidesAsAnEmptyFieldset() {
        RenderRequest request = RenderRequest.builder(FormData.empty()).locale(Locale.GERMAN).build();
        RenderRequest hiding = RenderRequest.builder(FormData.empty())
                .validation(FormValidator.builder(schema).rules(RuleFiles.read(
                        new ByteArrayInputStream(("{\"rules\": [{\"id\": \"R1\", \"kind\": \"visible\", "
                                + "\"target\": \"G1\", \"when\": \"filled(F2)\"}]}").getBytes(
                                StandardCharsets.UTF_8)), "r.json")).build()
                        .validate(FormData.empty())).build();

        assertThat(FormRenderer.of(schema).renderStep(1, request).fragment()).contains("name=\"G1[0].F3\"");
        HtmlDocument page = HtmlDocument.parse(FormRenderer.of(schema).renderStep(1, hiding).fragment());
        assertThat(page.all("input")).noneMatch(i -> i.getAttribute("name").startsWith("G1"));
        assertThat(page.byId("step-1").getElementsByTagName("legend").item(0).getTextContent())
                .isEqualTo("Anschrift");
    }

    @Test
    void addsHiddenFieldsOfThePortalAndTheStepIndex() {
        RenderRequest request = RenderRequest.builder(FormData.empty()).hiddenField("_csrf", "t0k\"en").build();

        HtmlDocument page = HtmlDocument.parse(FormRenderer.of(schema).renderStep(1, request).fragment());

        assertThat(page.submission(null, null)).containsEntry("_csrf", List.of("t0k\"en"))
                .containsEntry("_step", List.of("1"));
    }

    @Test
    void refusesHiddenFieldsThatTheBinderWouldBind() {
        assertThatThrownBy(() -> RenderRequest.builder(FormData.empty()).hiddenField("F1", "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("OZG-RENDER-110");
    }

    @Test
    void linksTheStyleSheetInsteadOfInliningWhenAUrlIsGiven() {
        String page = FormRenderer.builder(schema).stylesheetUrl("/static/ozg-forms.css").build()
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN).page();

        assertThat(page).contains("<link rel=\"stylesheet\" href=\"/static/ozg-forms.css\" />")
                .doesNotContain("<style>");
    }

    @Test
    void inlinesTheDefaultStyleSheetInFullPages() {
        FormRenderer renderer = FormRenderer.of(schema);
        String page = renderer.renderStep(0, FormData.empty(), List.of(), Locale.GERMAN).page();

        assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\">").contains("<style>")
                .contains(".ozg-button{");
        assertThat(renderer.css()).contains("min-height:2.75rem");
    }

    @Test
    void isSafeToUseFromManyThreads() {
        FormRenderer renderer = FormRenderer.of(schema);
        String expected = renderer.renderStep(0, FormData.empty(), List.of(), ARABIC).page();

        List<String> pages = IntStream.range(0, 64).parallel()
                .mapToObj(i -> renderer.renderStep(0, FormData.empty(), List.of(), ARABIC).page()).toList();

        assertThat(pages).allMatch(expected::equals);
    }

    @Test
    void rendersTheInlineValuesOfAShortListAsRadiosInAFieldsetWithLegend() {
        Field kind = Field.builder(meta("F9", "Art"), FieldKind.SELECT, DataType.TEXT)
                .values(List.of(value("a", "Erstantrag"), value("b", "Verlängerung"))).build();
        FormSchema small = schema("Antrag", at(kind, "1:1"));

        HtmlDocument page = HtmlDocument.parse(FormRenderer.of(small)
                .renderStep(0, FormData.builder().value("F9", "b").build(), List.of(), Locale.GERMAN).fragment())
                .assertAccessibleStructure();

        List<Element> radios = page.all("input").stream().filter(i -> "radio".equals(i.getAttribute("type")))
                .toList();
        assertThat(radios).extracting(r -> r.getAttribute("value")).containsExactly("a", "b");
        assertThat(radios.get(1).hasAttribute("checked")).isTrue();
        assertThat(page.all("legend")).extracting(Element::getTextContent).contains("Art (Pflichtfeld)");
    }
}
