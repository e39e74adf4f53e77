package de.ozgsdk.forms.render;

import static de.ozgsdk.forms.render.TestSchemas.at;
import static de.ozgsdk.forms.render.TestSchemas.input;
import static de.ozgsdk.forms.render.TestSchemas.meta;
import static de.ozgsdk.forms.render.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private final Field surname = Field.builder(meta("F1", "Familienname", "Wie im Ausweis"), FieldKind.INPUT,
            DataType.TEXT).build();
    private final FormSchema schema = schema("Antrag", at(surname, "1:1"),
            at(input("F2", "Vorname", DataType.TEXT), "0:1"));
    private final Translations translations = read("""
            {"F1": {"en": {"label": "Surname", "help": "As in your passport"}, "ar": {"label": "اسم العائلة"},
                    "autocomplete": "family-name"},
             "S99000000001": {"en": {"label": "Application"}}}
            """);

    @Test
    void overlaysLabelsAndHelpTextsOfTheSchema() {
        LocalizedText label = translations.label("F1", surname.label());

        assertThat(label.get(Locale.ENGLISH)).isEqualTo("Surname");
        assertThat(label.german()).isEqualTo("Familienname");
        assertThat(translations.help("F1", surname.metadata().inputHelp()).orElseThrow().get(Locale.ENGLISH))
                .isEqualTo("As in your passport");
    }

    @Test
    void rendersTranslatedLabelsAndTheFormTitle() {
        String html = FormRenderer.builder(schema).translations(translations).build()
                .renderStep(0, FormData.empty(), List.of(), Locale.ENGLISH).fragment();

        assertThat(html).contains(">Surname<").contains("As in your passport").contains("<h1 class=\"ozg-title\">"
                + "Application</h1>").contains("autocomplete=\"family-name\"");
    }

    @Test
    void marksLabelsWithoutTranslationAsGerman() {
        HtmlDocument page = HtmlDocument.parse(FormRenderer.builder(schema).translations(translations).build()
                .renderStep(0, FormData.empty(), List.of(), Locale.forLanguageTag("ar")).fragment());

        assertThat(page.all("label").get(0).getTextContent()).startsWith("اسم العائلة");
        assertThat(page.all("label").get(1).getElementsByTagName("span").item(0).getAttributes()
                .getNamedItem("lang").getNodeValue()).isEqualTo("de");
    }

    @Test
    void namesTheJsonPointerOfAWrongShape() {
        assertThatThrownBy(() -> read("{\"F1\": {\"en\": {\"lable\": \"Surname\"}}}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("OZG-RENDER-106")
                .hasMessageContaining("/F1/en/lable");
        assertThatThrownBy(() -> read("{\"F1\": {\"english\": {\"label\": \"x\"}}}"))
                .hasMessageContaining("/F1/english");
        assertThatThrownBy(() -> read("{\"F1\": {\"en\": {\"label\": \" \"}}}"))
                .hasMessageContaining("/F1/en/label");
        assertThatThrownBy(() -> read("[1]")).hasMessageContaining("OZG-RENDER-106");
    }

    @Test
    void refusesDuplicateKeysAndBrokenJson() {
        assertThatThrownBy(() -> read("{\"F1\": {}, \"F1\": {}}")).hasMessageContaining("OZG-RENDER-106");
        assertThatThrownBy(() -> read("{\"F1\": ")).hasMessageContaining("OZG-RENDER-106");
    }

    @Test
    void refusesTranslationsOfElementsTheSchemaDoesNotHave() {
        Translations other = read("{\"F60000227\": {\"en\": {\"label\": \"Surname\"}}}");

        assertThatThrownBy(() -> FormRenderer.builder(schema).translations(other).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("OZG-RENDER-107")
                .hasMessageContaining("F60000227");
    }

    @Test
    void refusesAnInvalidAutocompleteToken() {
        assertThatThrownBy(() -> read("{\"F1\": {\"autocomplete\": \"x\\\" onfocus=\\\"y\"}}"))
                .hasMessageContaining("/F1/autocomplete");
    }

    @Test
    void translatesTheNamesOfSelectValues() {
        Field kind = Field.builder(meta("F3", "Art"), FieldKind.SELECT, DataType.TEXT)
                .values(List.of(TestSchemas.value("neu", "Erstantrag"), TestSchemas.value("verl", "Verlängerung")))
                .build();
        FormSchema withChoice = schema("Antrag", at(kind, "1:1"));
        Translations names = read("{\"F3\": {\"en\": {\"values\": {\"neu\": \"First application\"}}}}");

        String html = FormRenderer.builder(withChoice).translations(names).build()
                .renderStep(0, FormData.empty(), List.of(), Locale.ENGLISH).fragment();

        assertThat(html).contains(">First application</label>").contains(">Verlängerung</span></label>");
        assertThatThrownBy(() -> read("{\"F3\": {\"en\": {\"values\": {\"a/b\": 1}}}}"))
                .hasMessageContaining("/F3/en/values/a~1b");
    }

    @Test
    void keepsHelpAbsentWhenTheSchemaHasNone() {
        assertThat(read("{\"F2\": {\"en\": {\"help\": \"x\"}}}").help("F2", Optional.empty())).isEmpty();
    }

    @Test
    void reportsAStreamThatFailsAsUnreadableNotAsMalformed() {
        IOException failure = new IOException("connection reset");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                throw failure;
            }
        };

        assertThatThrownBy(() -> Translations.read(failing, "test.json"))
                .isInstanceOf(InvalidInputException.class).hasCause(failure)
                .hasMessageContaining("OZG-RENDER-108").hasMessageContaining("IOException");
    }

    @Test
    void refusesNestingBeyondTheParserLimitWithTheCodedError() {
        String deep = "[".repeat(1_100) + "]".repeat(1_100);

        assertThatThrownBy(() -> read("{\"F1\": " + deep + "}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("OZG-RENDER-106")
                .hasMessageContaining("line ?");
    }

    @Test
    void refusesContentAfterTheObject() {
        assertThatThrownBy(() -> read("{\"F1\": {\"en\": {\"label\": \"Surname\"}}} {}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("OZG-RENDER-106");
    }

    private static Translations read(String json) {
        return Translations.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
