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
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A portal replaces single components of the theme and keeps the rest. */
class ThemeOverrideTest {

    private final FormSchema schema = schema("Antrag", at(input("F1", "Familienname", DataType.TEXT), "1:1"));

    @Test
    void replacesOnlyTheErrorSummary() {
        Theme portal = new Theme() {
            @Override
            public void errorSummary(HtmlWriter out, ErrorSummary summary) {
                out.open("section").attr("class", "portal-alert").attr("id", summary.id());
                summary.errors().forEach(e -> out.open("p").text(e.message()).close("p"));
                out.close("section");
            }
        };
        String html = FormRenderer.builder(schema).theme(portal).build().renderStep(0, FormData.empty(),
                FormValidator.of(schema).validate(FormData.empty()).violations(), Locale.GERMAN).fragment();

        assertThat(html).contains("<section class=\"portal-alert\" id=\"ozg-error-summary\"><p>Bitte")
                .doesNotContain("ozg-error-summary-title")
                .contains("<label for=\"f-F1\" class=\"ozg-label\">");
    }

    @Test
    void replacesThePageShellAndKeepsTheForm() {
        Theme portal = new Theme() {
            @Override
            public void page(HtmlWriter out, Page page, Runnable content) {
                out.trustedMarkup("<!DOCTYPE html>\n");
                out.open("html").attr("lang", page.language()).attr("dir", page.direction());
                out.open("head").open("title").text("Stadt Musterhausen: " + page.title()).close("title")
                        .close("head");
                out.open("body").open("header").text("Stadt Musterhausen").close("header");
                out.open("main");
                content.run();
                out.close("main").close("body").close("html");
            }
        };
        String html = FormRenderer.builder(schema).theme(portal).build()
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN).page();

        assertThat(html).contains("<title>Stadt Musterhausen: Antrag").contains("<header>Stadt Musterhausen</header>")
                .contains("<fieldset id=\"step-0\"");
        HtmlDocument.parse(html).assertAccessibleStructure();
    }

    @Test
    void replacesTheStyleSheet() {
        Theme portal = new Theme() {
            @Override
            public String css() {
                return ".ozg-button{background:#004b87}";
            }
        };
        FormRenderer renderer = FormRenderer.builder(schema).theme(portal).build();

        assertThat(renderer.css()).isEqualTo(".ozg-button{background:#004b87}");
        assertThat(renderer.renderStep(0, FormData.empty(), List.of(), Locale.GERMAN).page())
                .contains("<style>.ozg-button{background:#004b87}</style>");
    }

    @Test
    void refusesUnbalancedMarkupOfATheme() {
        Theme broken = new Theme() {
            @Override
            public void progress(HtmlWriter out, Progress progress) {
                out.open("div").open("p").close("div");
            }
        };
        FormRenderer renderer = FormRenderer.builder(schema).theme(broken).build();

        assertThatThrownBy(() -> renderer.renderStep(0, FormData.empty(), List.of(), Locale.GERMAN))
                .hasMessageContaining("OZG-RENDER-109");
    }

    @Test
    void placesTheContentWhereTheFormRunsItEvenInsideAnOpenStartTag() {
        Theme portal = new Theme() {
            @Override
            public void form(HtmlWriter out, Form form, Runnable content) {
                out.open("form").attr("method", "post").attr("class", "portal");
                content.run(); // no element in between: the start tag is still open here
                out.open("p").text("Ende").close("p").close("form");
            }

            @Override
            public void progress(HtmlWriter out, Progress progress) {
                // no progress: the content starts right inside the open start tag
            }
        };
        String html = FormRenderer.builder(schema).theme(portal).build()
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN).fragment();

        assertThat(html).startsWith("<form method=\"post\" class=\"portal\"><fieldset id=\"step-0\"")
                .endsWith("</fieldset><div class=\"ozg-navigation\"><button type=\"submit\" name=\"_next\" value=\"next\""
                        + " class=\"ozg-button ozg-button-primary\">Weiter zur Überprüfung</button></div><p>Ende</p></form>");
    }

    @Test
    void writesTheContentAsOftenAsTheFormRunsIt() {
        Theme twice = new Theme() {
            @Override
            public void form(HtmlWriter out, Form form, Runnable content) {
                content.run();
                content.run();
            }
        };
        Theme never = new Theme() {
            @Override
            public void form(HtmlWriter out, Form form, Runnable content) {
                out.open("p").text("Wartung").close("p");
            }
        };

        assertThat(FormRenderer.builder(schema).theme(twice).build()
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN).fragment().split("<fieldset id=\"step-0\"", -1))
                .hasSize(3);
        assertThat(FormRenderer.builder(schema).theme(never).build()
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN).fragment()).isEqualTo("<p>Wartung</p>");
    }

    @Test
    void refusesAThemeThatLeavesAnElementOpenInTheForm() {
        Theme unbalanced = new Theme() {
            @Override
            public void fieldset(HtmlWriter out, Fieldset fieldset, Runnable content) {
                out.open("div");
                content.run();
            }
        };

        assertThatThrownBy(() -> FormRenderer.builder(schema).theme(unbalanced).build()
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN))
                .isInstanceOfSatisfying(de.ozgsdk.core.ProcessingException.class,
                        e -> assertThat(e.code()).isEqualTo(RenderError.MARKUP_MISUSE));
    }
}
