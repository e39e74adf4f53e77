package de.ozgsdk.forms.render;

import static de.ozgsdk.forms.render.TestSchemas.at;
import static de.ozgsdk.forms.render.TestSchemas.input;
import static de.ozgsdk.forms.render.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The renderer writes the page shell, the form and the body into one buffer ({@link RenderedPage#page()} and
 * {@link RenderedPage#fragment()} are parts of it): both must be exactly what the theme writes when the page shell is
 * written around the finished fragment, however the buffer sizes of earlier renderings fit, and a theme that does not
 * write the content once must still get its fragment.
 */
class WholePageTest {

    @Test
    void pageIsTheThemesShellAroundTheFragmentOnEveryRenderingAndEveryPage() {
        for (String name : TestSchemas.OWN_FIXTURES) {
            FormSchema schema = TestSchemas.resource(name);
            FormRenderer renderer = FormRenderer.of(schema);
            List<Violation> all = FormValidator.of(schema).validate(FormData.empty()).violations();
            // without errors first, then with: the part before the body outgrows the room left for it last time
            for (List<Violation> violations : List.of(List.<Violation>of(), all, List.<Violation>of(), all)) {
                for (Locale locale : List.of(Locale.GERMAN, Locale.forLanguageTag("ar"))) {
                    for (int step = 0; step <= renderer.steps().size(); step++) {
                        RenderedPage page = step < renderer.steps().size()
                                ? renderer.renderStep(step, FormData.empty(), violations, locale)
                                : renderer.renderReview(FormData.empty(), violations, locale);

                        assertThat(page.page()).as("%s step %d", name, step)
                                .isEqualTo(shellAround(Theme.standard(), page));
                        assertThat(page.fragment()).startsWith("<div class=\"ozg-form\">").endsWith("</form></div>");
                    }
                }
            }
        }
    }

    @Test
    void aThemeWhosePageLeavesOutTheContentStillGetsTheFragment() {
        FormSchema schema = schema("Antrag", at(input("F1", "Familienname", DataType.TEXT), "1:1"));
        Theme noContent = new Theme() {
            @Override
            public void page(HtmlWriter out, Page page, Runnable content) {
                out.open("html").open("body").text("Wartung").close("body").close("html");
            }
        };
        List<Violation> violations = FormValidator.of(schema).validate(FormData.empty()).violations();
        RenderedPage standard = FormRenderer.of(schema).renderStep(0, FormData.empty(), violations, Locale.GERMAN);
        RenderedPage own = FormRenderer.builder(schema).theme(noContent).build()
                .renderStep(0, FormData.empty(), violations, Locale.GERMAN);

        assertThat(own.fragment()).isEqualTo(standard.fragment());
        assertThat(own.page()).isEqualTo("<html><body>Wartung</body></html>");
    }

    @Test
    void aThemeWhosePageWritesTheContentTwiceGetsItTwice() {
        FormSchema schema = schema("Antrag", at(input("F1", "Familienname", DataType.TEXT), "1:1"));
        Theme twice = new Theme() {
            @Override
            public void page(HtmlWriter out, Page page, Runnable content) {
                out.open("main");
                content.run();
                content.run();
                out.close("main");
            }
        };
        RenderedPage page = FormRenderer.builder(schema).theme(twice).build()
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN);

        assertThat(page.page()).isEqualTo("<main>" + page.fragment() + page.fragment() + "</main>");
        assertThat(page.fragment()).isEqualTo(FormRenderer.of(schema)
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN).fragment());
    }

    @Test
    void aThemeWhosePageLeavesAnElementOpenFailsOnlyWhenThePageIsAskedFor() {
        FormSchema schema = schema("Antrag", at(input("F1", "Familienname", DataType.TEXT), "1:1"));
        Theme open = new Theme() {
            @Override
            public void page(HtmlWriter out, Page page, Runnable content) {
                out.open("main");
                content.run();
            }
        };
        RenderedPage page = FormRenderer.builder(schema).theme(open).build()
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN);

        assertThat(page.fragment()).startsWith("<div class=\"ozg-form\">");
        assertThatThrownBy(page::page).hasMessageContaining("OZG-RENDER-109");
    }

    @Test
    void aStepShowsTheViolationsOfAnElementThatAnEarlierStepHoldsToo() {
        // xdf2-schema.xml has group G99000001 at the top level twice (1:1, then 0:*): steps 2 and 3
        FormSchema schema = TestSchemas.resource("/de/ozgsdk/forms/fim/xdf2-schema.xml");
        FormRenderer renderer = FormRenderer.of(schema);
        FormData data = FormData.builder()
                .group("G99000001", FormData.builder().value("F99000001", "x".repeat(56)).build()).build();
        List<Violation> violations = FormValidator.of(schema).validate(data).violations();

        for (int step : List.of(1, 2)) {
            assertThat(renderer.steps().step(step).elements().get(0).id().id()).isEqualTo("G99000001");
            String html = renderer.renderStep(step, data, violations, Locale.GERMAN).page();
            assertThat(html).as("step %d", step).contains("<a href=\"#f-G99000001.0.F99000001\">")
                    .contains(" e-f-G99000001.0.F99000001\" aria-invalid=\"true\"");
        }
    }

    /** The page as the theme writes it around the finished fragment (as {@code page()} did before). */
    private static String shellAround(Theme theme, RenderedPage page) {
        HtmlWriter out = new HtmlWriter();
        theme.page(out, new Theme.Page(page.language(), page.direction(), page.title(), Optional.empty(),
                theme.css()), () -> out.trustedMarkup(page.fragment()));
        return out.toHtml();
    }
}
