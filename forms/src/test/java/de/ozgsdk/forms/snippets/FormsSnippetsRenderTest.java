package de.ozgsdk.forms.snippets;

import static de.ozgsdk.forms.snippets.Bewohnerparken.APPLICANT;
import static de.ozgsdk.forms.snippets.Bewohnerparken.HOLDER;
import static de.ozgsdk.forms.snippets.Bewohnerparken.SCHEMA;
import static de.ozgsdk.forms.snippets.Bewohnerparken.VEHICLE;
import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.BindResult;
import de.ozgsdk.forms.data.FormBinder;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.render.FormRenderer;
import de.ozgsdk.forms.render.HtmlWriter;
import de.ozgsdk.forms.render.RenderRequest;
import de.ozgsdk.forms.render.RenderedPage;
import de.ozgsdk.forms.render.StepPlan;
import de.ozgsdk.forms.render.Translations;
import de.ozgsdk.forms.render.Theme;
import de.ozgsdk.forms.snippets.Bewohnerparken.Request;
import de.ozgsdk.forms.validation.CodeValues;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code samples of the render package's Javadoc and of {@code RENDERING.md}, run against the real
 * Bewohnerparkausweis schema (see {@link FormsSnippetsTest}).
 */
class FormsSnippetsRenderTest {

    private static Path fim;
    private static CodeListRegistry registry;
    private static FimForm form;
    private static FormSchema schema;

    @TempDir
    Path dir;

    /** The valid data of a complete post. */
    private FormData data;

    @BeforeAll
    static void loadTheForm() {
        fim = SharedFixtures.requireFim();
        registry = CodeListRegistry.builder().addDirectory(fim.resolve("codelists")).build();
        form = FimForm.load(fim.resolve(SCHEMA), registry);
        schema = form.schema();
    }

    @BeforeEach
    void bindAValidPost() throws IOException {
        data = form.bind(Bewohnerparken.validPost().getParameterMap()).data();
        Files.writeString(dir.resolve("S05000058.translations.json"), """
                {"G05000496": {"en": {"label": "Applicant"}, "ar": {"label": "مقدم الطلب"}},
                 "F05000059": {"en": {"label": "Surname"}, "autocomplete": "family-name"}}
                """, StandardCharsets.UTF_8);
    }

    @Test
    void renderPackageSampleWritesAWholePage() {
        Response response = new Response();

        // @start region="render-package"
        RenderedPage page = form.renderer().renderStep(0, data, form.validate(data).violations(), Locale.GERMAN);
        response.getWriter().write(page.page());
        // @end

        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("Schritt 1 von 6");
    }

    @Test
    void htmlWriterEscapesTextAndAttributes() {
        HtmlWriter out = new HtmlWriter();
        String value = "Müller & \"Söhne\" <GmbH>";

        // @start region="html-writer"
        out.open("label").attr("for", "f-F1").text("Familienname").close("label");
        out.open("input").attr("type", "text").attr("id", "f-F1").attr("name", "F1").attr("value", value).end();
        // @end

        assertThat(out.toHtml()).isEqualTo("<label for=\"f-F1\">Familienname</label><input type=\"text\""
                + " id=\"f-F1\" name=\"F1\" value=\"Müller &amp; &quot;Söhne&quot; &lt;GmbH&gt;\" />");
    }

    @Test
    void renderRequestCarriesTheValidationAndTheHiddenFields() {
        String csrfToken = "c3RhdGU";

        // @start region="render-request"
        ValidationResult result = form.validate(data);
        RenderRequest request = RenderRequest.builder(data)
                .validation(result)                 // violations and the elements rules hide
                .locale(Locale.forLanguageTag("ar"))
                .hiddenField("_csrf", csrfToken)
                .build();
        // @end

        assertThat(request.hiddenFields()).containsEntry("_csrf", csrfToken);
        assertThat(form.renderer().renderStep(1, request).page()).contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("name=\"_csrf\" value=\"c3RhdGU\"");
    }

    @Test
    void themeWrapsTheDefaultErrorSummary() {
        // @start region="theme"
        Theme portalTheme = new Theme() {
            @Override
            public void errorSummary(HtmlWriter out, ErrorSummary summary) {
                out.open("div").attr("class", "portal-alert").attr("role", "alert");
                Theme.super.errorSummary(out, summary);    // or write it completely anew
                out.close("div");
            }
        };
        FormRenderer renderer = FormRenderer.builder(schema).theme(portalTheme).build();
        // @end

        List<Violation> violations = form.validate(FormData.empty()).violations();
        assertThat(renderer.renderStep(0, FormData.empty(), violations, Locale.GERMAN).fragment())
                .contains("<div class=\"portal-alert\" role=\"alert\"><div class=\"ozg-error-summary\"");
    }

    @Test
    void stepPlanGroupsTheTopLevelElements() {
        // @start region="step-plan"
        StepPlan plan = StepPlan.builder(schema)
                .step(LocalizedText.builder("Antragsteller").put(Locale.ENGLISH, "Applicant").build(),
                      "F00-4cb0dd14-629c-4661-9435-4e9eadc43e07", "F05001344", "G05000496")
                .step(LocalizedText.of("Antrag"), "G05000493")
                .step(LocalizedText.of("Fahrzeug"), "G05000477", "G05000499")
                .build();                                               // each top-level element in exactly one step
        // @end

        assertThat(plan.size()).isEqualTo(3);
        assertThat(plan.stepOf(HOLDER)).hasValue(2);
    }

    @Test
    void rendererShowsAStepOnGetAndAgainAfterAPost() {
        FormValidator validator = FormValidator.builder(schema).codeValues(CodeValues.of(registry)).build();
        FormData draft = data;
        Request request = Bewohnerparken.validPost().with("G05000496[0].F05000059", "");
        Locale locale = Locale.GERMAN;
        String token = "c3RhdGU";

        // @start region="form-renderer"
        FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"));
        FormRenderer renderer = FormRenderer.builder(schema)   // with a FimForm: form.rendererBuilder()
                .codeLists(registry)                        // names of code list values for radios and selects
                .translations(Translations.read(dir.resolve("S05000058.translations.json")))
                .stepUrl(step -> "/antrag/bewohnerparken?step=" + step)
                .build();

        // GET: show step 1 (0-based) in Arabic, as a whole page
        String html = renderer.renderStep(1, draft, List.of(), Locale.forLanguageTag("ar")).page();

        // POST: bind, then show the step again (add/remove pressed or errors) or go on
        BindResult bound = FormBinder.of(schema).bind(FormBinder.fromArrays(request.getParameterMap()));
        ValidationResult result = validator.validate(bound.data());
        RenderRequest again = RenderRequest.builder(bound.data())
                .validation(result).locale(locale).hiddenField("_csrf", token).build();
        String fragment = renderer.renderStep(1, again).fragment();   // embed into the portal's page
        // @end

        assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">").contains("مقدم الطلب");
        assertThat(fragment).doesNotContain("<html").contains("Es gibt ein Problem")
                .contains("href=\"#f-G05000496.0.F05000059\"");
    }

    @Test
    void renderingGuideRendersAStepTheFragmentAndTheReviewPage() {
        List<Violation> violations = List.of();

        // @start region="rendering-renderer"
        FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"));
        FormRenderer renderer = FormRenderer.builder(schema)          // once per schema; thread-safe
                .codeLists(registry)                                   // names of code list values (radios, selects)
                .translations(Translations.read(dir.resolve("S05000058.translations.json")))
                .stepUrl(step -> "/antrag/bewohnerparken?step=" + step) // for the "change" links of the review page
                .build();

        RenderedPage page = renderer.renderStep(1, data, violations, Locale.forLanguageTag("ar"));
        page.page();       // <!DOCTYPE html> <html lang="ar" dir="rtl"> … with title and the style sheet inlined
        page.fragment();   // just the form, to embed into a portal page
        renderer.renderReview(data, violations, Locale.GERMAN).page();   // check-answers page
        // @end

        assertThat(page.page()).startsWith("<!DOCTYPE html>").contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("<title>").contains("<style>");
        assertThat(page.fragment()).doesNotContain("<html").doesNotContain("<style>");
        assertThat(renderer.renderReview(data, violations, Locale.GERMAN).page())
                .contains("href=\"/antrag/bewohnerparken?step=1#f-G05000496.0.F05000059\"");
    }

    @Test
    void renderingGuideRendersWithARenderRequest() {
        FormRenderer renderer = form.renderer();
        ValidationResult result = form.validate(data);
        Locale locale = Locale.GERMAN;
        String token = "c3RhdGU";
        int step = 1;

        // @start region="rendering-request"
        RenderRequest request = RenderRequest.builder(data).validation(result).locale(locale)
                .hiddenField("_csrf", token).build();
        renderer.renderStep(step, request);
        // @end

        assertThat(renderer.renderStep(step, request).fragment()).contains("name=\"_csrf\" value=\"c3RhdGU\"");
    }

    @Test
    void renderingGuideSplitsTheStepsItsOwnWay() {
        // @start region="rendering-steps"
        StepPlan plan = StepPlan.builder(schema)
                .step(LocalizedText.builder("Antragsteller").put(Locale.ENGLISH, "Applicant").build(), "G05000496",
                        "F00-4cb0dd14-629c-4661-9435-4e9eadc43e07", "F05001344")
                .step(LocalizedText.of("Fahrzeug"), "G05000477", "G05000499")
                .step(LocalizedText.of("Parkausweis"), "G05000493")
                .build();                                               // each top-level element in exactly one step
        FormRenderer.builder(schema).steps(plan).build();
        // @end

        FormRenderer renderer = FormRenderer.builder(schema).steps(plan).build();
        assertThat(renderer.renderStep(1, data, List.of(), Locale.GERMAN).page())
                .contains("Schritt 2 von 4").contains("K-OZ 2026");
        assertThat(plan.stepOf(VEHICLE)).hasValue(1);
        assertThat(plan.stepOf(APPLICANT)).hasValue(0);
    }

    @Test
    void renderingGuideThemeReplacesThePageShell() {
        // @start region="rendering-theme"
        Theme portal = new Theme() {
            @Override
            public void page(HtmlWriter out, Page page, Runnable content) {   // the portal's own page shell
                out.trustedMarkup("<!DOCTYPE html>\n");
                out.open("html").attr("lang", page.language()).attr("dir", page.direction());
                out.open("head").open("title").text(page.title()).close("title")
                   .open("link").attr("rel", "stylesheet").attr("href", "/portal.css").end().close("head");
                out.open("body").open("main");
                content.run();
                out.close("main").close("body").close("html");
            }
        };
        FormRenderer.builder(schema).theme(portal).build();
        // @end

        String page = FormRenderer.builder(schema).theme(portal).build()
                .renderStep(0, data, List.of(), Locale.GERMAN).page();
        assertThat(page).contains("<link rel=\"stylesheet\" href=\"/portal.css\" />").doesNotContain("<style>")
                .contains("<form");
    }

    /** The part of a servlet response the samples use. */
    private static final class Response {

        private final StringWriter body = new StringWriter();
        private final PrintWriter writer = new PrintWriter(body);

        PrintWriter getWriter() {
            return writer;
        }

        String body() {
            writer.flush();
            return body.toString();
        }
    }
}
