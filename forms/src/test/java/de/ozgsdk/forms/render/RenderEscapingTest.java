package de.ozgsdk.forms.render;

import static de.ozgsdk.forms.render.TestSchemas.at;
import static de.ozgsdk.forms.render.TestSchemas.group;
import static de.ozgsdk.forms.render.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementMetadata;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.Violation;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.forms.MessageKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/** No XSS: everything from schema, translations and data is escaped in text and attribute contexts. */
class RenderEscapingTest {

    private static final List<String> ATTACKS = List.of("<script>alert(1)</script>", "\" onmouseover=\"alert(1)",
            "' onfocus='alert(1)", "</textarea><script>alert(1)</script>", "javascript:alert(1)",
            "<img src=x onerror=alert(1)>", "]]><!--", "&lt;script&gt;", "\u0000\u0008\uFFFE\uD800x");

    private static String attack(int i) {
        return ATTACKS.get(i % ATTACKS.size());
    }

    private static ElementMetadata meta(String id, int i) {
        return ElementMetadata.builder(FimId.of(id, "1.0.0"), "name " + attack(i))
                .inputLabel(LocalizedText.of("label " + attack(i)))
                .inputHelp(LocalizedText.of("help " + attack(i + 1))).build();
    }

    private final Field text = Field.builder(meta("F1", 0), FieldKind.INPUT, DataType.TEXT).build();
    private final Field longText = Field.builder(meta("F2", 3), FieldKind.INPUT, DataType.TEXT)
            .precision(Precision.builder().maxLength(2000).build()).build();
    private final Field choice = Field.builder(meta("F3", 1), FieldKind.SELECT, DataType.TEXT)
            .values(List.of(new InlineValue("\"><script>", attack(0), Optional.of(attack(2))),
                    new InlineValue("b", attack(5), Optional.empty()))).build();
    private final Field note = Field.builder(meta("F4", 4), FieldKind.LABEL, DataType.TEXT)
            .content(attack(3)).build();
    private final Field hidden = Field.builder(meta("F5", 6), FieldKind.HIDDEN, DataType.TEXT).build();
    private final Field file = Field.builder(meta("F6", 7), FieldKind.INPUT, DataType.FILE)
            .precision(Precision.builder().mediaTypes(List.of("\"><script>")).build()).build();
    private final FormSchema schema = FormSchema.builder(meta("S99000000001", 8),
                    XdfVersion.XDF3, MessageKind.STAMMDATENSCHEMA)
            .children(List.of(at(text, "1:1"), at(longText, "0:1"), at(choice, "1:1"), at(note, "0:1"),
                    at(hidden, "0:1"), at(file, "0:1"),
                    at(group("G1", attack(1), at(TestSchemas.input("F7", "x", DataType.TEXT), "0:1")), "0:*")))
            .build();
    private final FormData data = FormData.builder().value("F1", attack(1)).value("F2", attack(3))
            .value("F3", attack(0)).value("F5", attack(2)).value("F6", attack(4))
            .group("G1", FormData.builder().value("F7", attack(5)).build()).build();

    @Test
    void escapesSchemaTextsAndDataInEveryStepAndLanguage() {
        FormRenderer renderer = FormRenderer.of(schema);
        List<Violation> violations = FormValidator.of(schema).validate(data).violations();
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH, Locale.forLanguageTag("ar"))) {
            for (int step = 0; step < renderer.steps().size(); step++) {
                RenderedPage page = renderer.renderStep(step, data, violations, locale);
                assertNoActiveContent(page.page());
            }
            assertNoActiveContent(renderer.renderReview(data, List.of(), locale).page());
        }
    }

    @Test
    void keepsTheValueOfATextareaExactlyAsEntered() {
        HtmlDocument page = HtmlDocument.parse(FormRenderer.of(schema)
                .renderStep(0, data, List.of(), Locale.GERMAN).fragment());

        assertThat(page.byId("f-F2").getTagName()).isEqualTo("textarea");
        assertThat(page.byId("f-F2").getTextContent()).isEqualTo("</textarea><script>alert(1)</script>");
        assertThat(page.byId("f-F1").getAttribute("value")).isEqualTo("\" onmouseover=\"alert(1)");
    }

    @Test
    void escapesTranslatedLabels() {
        Translations translations = Translations.read(new ByteArrayInputStream(
                "{\"F1\": {\"en\": {\"label\": \"<script>alert(1)</script>\", \"help\": \"\\\" onclick=\\\"x\"}}}"
                        .getBytes(StandardCharsets.UTF_8)), "t.json");

        String page = FormRenderer.builder(schema).translations(translations).build()
                .renderStep(0, data, List.of(), Locale.ENGLISH).page();

        assertNoActiveContent(page);
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void refusesJavascriptUrlsAsActionStyleSheetOrStepUrl() {
        assertThatThrownBy(() -> FormRenderer.builder(schema).action("javascript:alert(1)"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("OZG-RENDER-110");
        assertThatThrownBy(() -> FormRenderer.builder(schema).stylesheetUrl(" JavaScript:alert(1)"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FormRenderer.builder(schema).stepUrl(i -> "data:text/html,x").build())
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesAThemeStyleSheetThatCouldCloseTheStyleElement() {
        Theme theme = new Theme() {
            @Override
            public String css() {
                return "</style><script>alert(1)</script>";
            }
        };
        RenderedPage page = FormRenderer.builder(schema).theme(theme).build()
                .renderStep(0, FormData.empty(), List.of(), Locale.GERMAN);

        assertThatThrownBy(page::page).hasMessageContaining("OZG-RENDER-109");
    }

    /** Parses the page as XML (so nothing broke out of its element) and finds no script, handler or bad URL. */
    static void assertNoActiveContent(String html) {
        HtmlDocument document = HtmlDocument.parse(html).assertAccessibleStructure();
        for (Element element : document.allElements()) {
            assertThat(element.getTagName()).isNotIn("script", "img", "iframe", "object", "embed", "svg");
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                assertThat(attribute.getName()).doesNotStartWith("on");
                if ("href".equals(attribute.getName()) || "action".equals(attribute.getName())) {
                    assertThat(attribute.getValue().strip().toLowerCase(Locale.ROOT)).doesNotStartWith("javascript:");
                }
            }
        }
    }
}
