package de.ozgsdk.forms.render;

import static de.ozgsdk.forms.render.TestSchemas.at;
import static de.ozgsdk.forms.render.TestSchemas.field;
import static de.ozgsdk.forms.render.TestSchemas.input;
import static de.ozgsdk.forms.render.TestSchemas.meta;
import static de.ozgsdk.forms.render.TestSchemas.schema;
import static de.ozgsdk.forms.render.TestSchemas.value;
import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.codelist.CodeList;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.FormBinder;
import de.ozgsdk.forms.data.FormData;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Which input each Datentyp and Feldart gets. */
class InputKindsTest {

    private static final String STAAT = "urn:test:staat";

    private final Field longList = Field.builder(meta("F10", "Staat"), FieldKind.SELECT, DataType.TEXT)
            .codeList(CodeListReference.of(STAAT, "1")).build();
    private final Field shortMulti = Field.builder(meta("F11", "Sprachen"), FieldKind.SELECT, DataType.TEXT)
            .values(List.of(value("de", "Deutsch"), value("en", "Englisch"))).build();
    private final FormSchema schema = schema("Antrag",
            at(input("F1", "Schwerbehindert", DataType.BOOL), "0:1"),
            at(input("F2", "Anzahl", DataType.NUM_INT), "0:1"),
            at(input("F3", "Betrag", DataType.NUM_CURRENCY), "0:1"),
            at(input("F4", "Gewicht", DataType.NUM), "0:1"),
            at(Field.builder(meta("F5", "Nachweis"), FieldKind.INPUT, DataType.FILE).precision(Precision.builder()
                    .mediaTypes(List.of("application/pdf", "image/png")).maxSize(2_500_000).build()).build(), "0:1"),
            at(Field.builder(meta("F6", "Begründung"), FieldKind.INPUT, DataType.TEXT)
                    .precision(Precision.builder().maxLength(2000).build()).build(), "0:1"),
            at(Field.builder(meta("F7", "Hinweis"), FieldKind.LABEL, DataType.TEXT)
                    .content("Bitte lesen Sie die Hinweise.").build(), "0:1"),
            at(field("F8", "Kennung", FieldKind.HIDDEN, DataType.TEXT), "0:1"),
            at(field("F9", "Aktenzeichen", FieldKind.LOCKED, DataType.TEXT), "0:1"),
            at(longList, "0:1"), at(shortMulti, "0:*"),
            at(input("F12", "Telefon", DataType.TEXT), "0:3"));
    private final CodeList staaten = staaten();

    private static CodeList staaten() {
        CodeList.Builder builder = CodeList.builder().shortName("Staat").canonicalUri(STAAT).version("1")
                .addColumn(new CodeList.Column("code", "code", Optional.empty(), "string", CodeList.Use.REQUIRED))
                .addColumn(new CodeList.Column("name", "name", Optional.empty(), "string", CodeList.Use.REQUIRED))
                .keyColumn("code").nameColumn("name");
        IntStream.range(0, 12).forEach(i -> builder.addRow(Map.of("code", "0" + (10 + i), "name", "Staat " + i)));
        return builder.build();
    }

    private final FormData data = FormData.builder().value("F1", "true").value("F9", "AZ-1")
            .values("F11", List.of("en")).values("F12", List.of("0201", "0202")).value("F10", "011").build();
    private final HtmlDocument page = HtmlDocument.parse(FormRenderer.builder(schema)
            .codeLists(CodeListRegistry.builder().add(staaten).build()).build()
            .renderStep(0, data, List.of(), Locale.GERMAN).page()).assertAccessibleStructure();

    @Test
    void rendersBoolAsCheckboxAfterAHiddenFalse() {
        List<Element> named = named("F1");

        assertThat(named).extracting(e -> e.getAttribute("type")).containsExactly("hidden", "checkbox");
        assertThat(named.get(0).getAttribute("value")).isEqualTo("false");
        assertThat(named.get(1).getAttribute("value")).isEqualTo("true");
        assertThat(named.get(1).hasAttribute("checked")).isTrue();
    }

    @Test
    void rendersNumbersAsTextWithAnInputModeForTheGermanComma() {
        assertThat(page.byId("f-F2").getAttribute("type")).isEqualTo("text");
        assertThat(page.byId("f-F2").getAttribute("inputmode")).isEqualTo("numeric");
        assertThat(page.byId("f-F3").getAttribute("inputmode")).isEqualTo("decimal");
        assertThat(page.byId("f-F4").getAttribute("inputmode")).isEqualTo("decimal");
        assertThat(page.byId("h-f-F3").getTextContent()).contains("Euro");
    }

    @Test
    void rendersFilesWithAcceptedTypesAndASizeHint() {
        Element file = page.byId("f-F5");

        assertThat(file.getAttribute("type")).isEqualTo("file");
        assertThat(file.getAttribute("accept")).isEqualTo("application/pdf,image/png");
        assertThat(page.byId("h-f-F5").getTextContent()).contains("application/pdf, image/png")
                .contains("2,5 MB");
        assertThat(page.all("form").get(0).getAttribute("enctype")).isEqualTo("multipart/form-data");
    }

    @Test
    void rendersLongTextsAsTextareaWithMaxlength() {
        assertThat(page.byId("f-F6").getTagName()).isEqualTo("textarea");
        assertThat(page.byId("f-F6").getAttribute("maxlength")).isEqualTo("2000");
    }

    @Test
    void rendersLabelFieldsAsTextHiddenFieldsAsHiddenInputsLockedFieldsReadOnly() {
        assertThat(page.byId("f-F7").getTagName()).isEqualTo("p");
        assertThat(page.byId("f-F7").getTextContent()).isEqualTo("Bitte lesen Sie die Hinweise.");
        assertThat(named("F8")).singleElement().satisfies(e -> assertThat(e.getAttribute("type")).isEqualTo("hidden"));
        assertThat(page.byId("f-F9").hasAttribute("readonly")).isTrue();
        assertThat(page.byId("f-F9").getAttribute("value")).isEqualTo("AZ-1");
    }

    @Test
    void rendersLongCodeListsAsSelectWithThePlaceholderFirst() {
        Element select = page.byId("f-F10");

        assertThat(select.getTagName()).isEqualTo("select");
        List<Element> options = page.all("option");
        assertThat(options.get(0).getAttribute("value")).isEmpty();
        assertThat(options.get(0).getTextContent()).isEqualTo("Bitte auswählen");
        assertThat(options).filteredOn(o -> o.hasAttribute("selected")).extracting(Element::getTextContent)
                .containsExactly("Staat 1");
    }

    @Test
    void rendersShortListsWithSeveralValuesAsCheckboxes() {
        List<Element> boxes = named("F11");

        assertThat(boxes).extracting(e -> e.getAttribute("type")).containsOnly("checkbox");
        assertThat(boxes).filteredOn(e -> e.hasAttribute("checked")).extracting(e -> e.getAttribute("value"))
                .containsExactly("en");
    }

    @Test
    void rendersRepeatedTextFieldsAsOneInputPerValueAndOneMore() {
        assertThat(page.byId("f-F12").getAttribute("name")).isEqualTo("F12[0]");
        assertThat(page.byId("f-F12.1").getAttribute("value")).isEqualTo("0202");
        assertThat(page.byId("f-F12.2").getAttribute("value")).isEmpty();
        assertThat(page.byId("f-F12.3")).isNull();
    }

    @Test
    void bindsWhatTheBrowserSendsBackToTheSameData() {
        FormData bound = FormBinder.of(schema).bind(page.submission("_next", "next")).data();

        assertThat(bound.values("F1")).containsExactly("true");
        assertThat(bound.values("F11")).containsExactly("en");
        assertThat(bound.values("F12")).containsExactly("0201", "0202");
        assertThat(bound.values("F10")).containsExactly("011");
        assertThat(bound.values("F9")).containsExactly("AZ-1");
    }

    @Test
    void rendersSelectFieldsWithAnUnknownCodeListAsTextInputs() {
        HtmlDocument withoutLists = HtmlDocument.parse(FormRenderer.of(schema)
                .renderStep(0, data, List.of(), Locale.GERMAN).fragment());

        assertThat(withoutLists.byId("f-F10").getTagName()).isEqualTo("input");
        assertThat(withoutLists.byId("f-F10").getAttribute("value")).isEqualTo("011");
    }

    private List<Element> named(String name) {
        return page.allElements().stream().filter(e -> name.equals(e.getAttribute("name"))).toList();
    }
}
