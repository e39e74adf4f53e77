package de.ozgsdk.forms.render;

import static de.ozgsdk.forms.render.TestSchemas.at;
import static de.ozgsdk.forms.render.TestSchemas.group;
import static de.ozgsdk.forms.render.TestSchemas.input;
import static de.ozgsdk.forms.render.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.BindResult;
import de.ozgsdk.forms.data.FormBinder;
import de.ozgsdk.forms.data.FormData;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Add and remove buttons of repeatable groups work without JavaScript, through the FormBinder. */
class RepeatableGroupTest {

    private final FormSchema schema = schema("Kinder",
            at(input("F1", "Antragsteller", DataType.TEXT), "1:1"),
            at(group("G1", "Kind", at(input("F2", "Vorname", DataType.TEXT), "1:1"),
                    at(input("F3", "Geburtsdatum", DataType.DATE), "0:1")), "0:3"));
    private final FormRenderer renderer = FormRenderer.of(schema);
    private final FormBinder binder = FormBinder.of(schema);

    @Test
    void showsOneEmptyInstanceAndAnAddButtonAtFirst() {
        HtmlDocument page = render(FormData.empty());

        assertThat(page.byId("g-G1").getTagName()).isEqualTo("fieldset");
        assertThat(page.byId("g-G1.0").getTagName()).isEqualTo("fieldset");
        assertThat(page.all("legend")).extracting(Element::getTextContent).contains("Kind 1");
        assertThat(buttons(page, "_add")).containsExactly("G1");
        assertThat(buttons(page, "_remove")).isEmpty();
    }

    @Test
    void addsAndRemovesInstancesThroughTheBinder() {
        HtmlDocument first = render(FormData.empty());
        Element firstName = first.byId("f-G1.0.F2");
        firstName.setAttribute("value", "Anna");

        BindResult added = binder.bind(first.submission("_add", "G1"));
        assertThat(added.changedStructure()).isTrue();
        HtmlDocument second = render(added.data());
        assertThat(buttons(second, "_remove")).containsExactly("G1[0]", "G1[1]");
        assertThat(second.byId("f-G1.0.F2").getAttribute("value")).isEqualTo("Anna");
        second.byId("f-G1.1.F2").setAttribute("value", "Ben");

        BindResult removed = binder.bind(second.submission("_remove", "G1[0]"));
        HtmlDocument third = render(removed.data());
        assertThat(removed.data().groups("G1")).hasSize(1);
        assertThat(third.byId("f-G1.0.F2").getAttribute("value")).isEqualTo("Ben");
        assertThat(third.byId("g-G1.1")).isNull();
    }

    @Test
    void focusesTheFirstInputOfTheInstanceJustAdded() {
        BindResult added = binder.bind(render(FormData.empty()).submission("_add", "G1"));
        int step = renderer.steps().stepOf("G1").orElseThrow();

        HtmlDocument page = HtmlDocument.parse(renderer.renderStep(step, RenderRequest.builder(added.data())
                .focus(added.added().get(0)).build()).fragment());

        assertThat(added.added()).extracting(Object::toString).containsExactly("G1[1]");
        assertThat(page.allElements()).filteredOn(e -> e.hasAttribute("autofocus"))
                .extracting(e -> e.getAttribute("id")).containsExactly("f-G1.1.F2");
    }

    @Test
    void hidesTheAddButtonAtTheMaximum() {
        FormData three = FormData.builder().groups("G1", List.of(child("A"), child("B"), child("C"))).build();

        HtmlDocument page = render(three);

        assertThat(buttons(page, "_add")).isEmpty();
        assertThat(buttons(page, "_remove")).containsExactly("G1[0]", "G1[1]", "G1[2]");
    }

    @Test
    void namesEachRemoveButtonAfterItsInstance() {
        HtmlDocument page = render(FormData.builder().groups("G1", List.of(child("A"), child("B"))).build());

        assertThat(page.all("button")).extracting(Element::getTextContent)
                .contains("Eintrag 1 „Kind“ entfernen", "Eintrag 2 „Kind“ entfernen",
                        "Weiteren Eintrag „Kind“ hinzufügen");
    }

    @Test
    void putsTheContinueButtonFirstSoThatEnterDoesNotRemoveAnInstance() {
        HtmlDocument page = render(FormData.builder().groups("G1", List.of(child("A"), child("B"))).build());

        Element first = page.all("button").get(0);
        assertThat(first.getAttribute("name")).isEqualTo("_next");
        assertThat(first.hasAttribute("hidden")).isTrue();
    }

    private static FormData child(String name) {
        return FormData.builder().value("F2", name).build();
    }

    private HtmlDocument render(FormData data) {
        int step = renderer.steps().stepOf("G1").orElseThrow();
        return HtmlDocument.parse(renderer.renderStep(step, data, List.of(), Locale.GERMAN).page())
                .assertAccessibleStructure();
    }

    private static List<String> buttons(HtmlDocument page, String name) {
        return page.all("button").stream().filter(b -> name.equals(b.getAttribute("name")))
                .map(b -> b.getAttribute("value")).toList();
    }
}
