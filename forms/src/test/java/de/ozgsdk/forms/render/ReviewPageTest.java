package de.ozgsdk.forms.render;

import static de.ozgsdk.forms.render.TestSchemas.at;
import static de.ozgsdk.forms.render.TestSchemas.group;
import static de.ozgsdk.forms.render.TestSchemas.input;
import static de.ozgsdk.forms.render.TestSchemas.meta;
import static de.ozgsdk.forms.render.TestSchemas.schema;
import static de.ozgsdk.forms.render.TestSchemas.value;
import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.FormValidator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The check-answers page: every step's answers with change links to the step and the field. */
class ReviewPageTest {

    private final Field kind = Field.builder(meta("F2", "Art"), FieldKind.SELECT, DataType.TEXT)
            .values(List.of(value("a", "Erstantrag"), value("b", "Verlängerung"))).build();
    private final FormSchema schema = schema("Antrag",
            at(input("F1", "Familienname", DataType.TEXT), "1:1"), at(kind, "1:1"),
            at(input("F3", "Schwerbehindert", DataType.BOOL), "0:1"),
            at(group("G1", "Kind", at(input("F4", "Vorname", DataType.TEXT), "1:1")), "0:*"));
    private final FormData data = FormData.builder().value("F1", "Müller").value("F2", "b").value("F3", "true")
            .groups("G1", List.of(FormData.builder().value("F4", "Anna").build(),
                    FormData.builder().value("F4", "Ben").build())).build();
    private final FormRenderer renderer = FormRenderer.builder(schema).stepUrl(i -> "/antrag/schritt/" + i)
            .build();

    @Test
    void linksEachAnswerToItsStepAndField() {
        HtmlDocument page = review(data);

        assertThat(page.all("a")).extracting(a -> a.getAttribute("href")).containsExactly(
                "/antrag/schritt/0", "/antrag/schritt/0#f-F1", "/antrag/schritt/0#f-F2", "/antrag/schritt/0#f-F3",
                "/antrag/schritt/1", "/antrag/schritt/1#f-G1.0.F4", "/antrag/schritt/1#f-G1.1.F4");
    }

    @Test
    void linksPointAtInputsThatTheStepPagesHave() {
        HtmlDocument review = review(data);
        for (Element link : review.all("a")) {
            String href = link.getAttribute("href");
            if (href.contains("#")) {
                int step = Integer.parseInt(href.substring("/antrag/schritt/".length(), href.indexOf('#')));
                HtmlDocument stepPage = HtmlDocument.parse(renderer.renderStep(step, data, List.of(),
                        Locale.GERMAN).fragment());
                assertThat(stepPage.byId(href.substring(href.indexOf('#') + 1))).as(href).isNotNull();
            }
        }
    }

    @Test
    void showsCodeNamesYesNoAndNotGiven() {
        HtmlDocument page = review(FormData.builder().value("F2", "a").value("F3", "false").build());

        assertThat(page.all("dd")).extracting(Element::getTextContent)
                .contains("Keine Angabe", "Erstantrag", "Nein");
    }

    @Test
    void givesEveryChangeLinkTheFieldAsHiddenContext() {
        Element link = review(data).all("a").get(1);

        assertThat(link.getTextContent()).isEqualTo("Ändern Familienname");
        assertThat(((Element) link.getElementsByTagName("span").item(0)).getAttribute("class"))
                .isEqualTo("ozg-visually-hidden");
    }

    @Test
    void headsEachStepAndEachInstanceOfARepeatableGroup() {
        HtmlDocument page = review(data);

        assertThat(page.all("h2")).extracting(Element::getTextContent).containsExactly("Antrag", "Kind");
        assertThat(page.all("h3")).extracting(Element::getTextContent).containsExactly("Kind 1", "Kind 2");
    }

    @Test
    void listsViolationsWithLinksToTheirSteps() {
        FormData incomplete = FormData.builder().value("F2", "b").build();
        HtmlDocument page = HtmlDocument.parse(renderer.renderReview(incomplete,
                FormValidator.of(schema).validate(incomplete).violations(), Locale.ENGLISH).page());

        Element summary = page.byId("ozg-error-summary");
        assertThat(summary.getElementsByTagName("a").item(0).getAttributes().getNamedItem("href").getNodeValue())
                .isEqualTo("/antrag/schritt/0#f-F1");
        assertThat(page.all("h1").get(0).getTextContent()).isEqualTo("Check your answers");
    }

    @Test
    void rendersTheReviewInArabicRightToLeft() {
        RenderedPage page = renderer.renderReview(data, List.of(), Locale.forLanguageTag("ar"));

        assertThat(page.direction()).isEqualTo("rtl");
        assertThat(page.fragment()).contains("تغيير");
        HtmlDocument.parse(page.page()).assertAccessibleStructure();
    }

    private HtmlDocument review(FormData data) {
        return HtmlDocument.parse(renderer.renderReview(data, List.of(), Locale.GERMAN).page())
                .assertAccessibleStructure();
    }
}
