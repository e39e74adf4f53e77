package de.ozgsdk.forms.render;

import static de.ozgsdk.forms.render.TestSchemas.at;
import static de.ozgsdk.forms.render.TestSchemas.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementMetadata;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.MessageKind;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.forms.data.FormData;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Translation files are read from service packages; labels and data come from schema files and citizens: reading
 * fails only with {@link InvalidInputException}, and rendering any text gives well-formed markup without active
 * content.
 */
class RenderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void translationFilesLoadOrFailWithInvalidInput(byte[] input) {
        try {
            Translations.read(new ByteArrayInputStream(input), "fuzz.json");
        } catch (InvalidInputException expected) {
            assertThat(expected.getMessage()).startsWith("[OZG-RENDER-10");
        }
    }

    @FuzzTest(maxDuration = "10s")
    void anyTextAndValueRendersWellFormed(FuzzedDataProvider input) {
        String label = "L" + input.consumeString(200);
        String help = "H" + input.consumeString(200);
        String valueName = "V" + input.consumeString(100);
        String value = input.consumeRemainingAsString();
        ElementMetadata meta = ElementMetadata.builder(FimId.of("F1", "1.0.0"), label)
                .inputLabel(LocalizedText.of(label)).inputHelp(LocalizedText.of(help)).build();
        Field text = Field.builder(meta, FieldKind.INPUT, DataType.TEXT).build();
        String code = value.isEmpty() || "a".equals(value) ? "b" : value;
        Field choice = Field.builder(ElementMetadata.builder(FimId.of("F2", "1.0.0"), label).build(),
                FieldKind.SELECT, DataType.TEXT).values(List.of(new InlineValue("a", valueName, Optional.of(help)),
                new InlineValue(code, valueName, Optional.empty()))).build();
        FormSchema schema = FormSchema.builder(ElementMetadata.builder(FimId.of("S1", "1.0.0"), label).build(),
                XdfVersion.XDF3, MessageKind.STAMMDATENSCHEMA).children(List.of(at(text, "1:1"), at(choice, "0:1"),
                at(group("G1", "Gruppe", at(text, "0:1")), "0:*"))).build();
        FormData data = FormData.builder().value("F1", value).value("F2", value)
                .group("G1", FormData.builder().value("F1", value).build()).build();
        FormRenderer renderer = FormRenderer.of(schema);
        for (int step = 0; step < renderer.steps().size(); step++) {
            RenderEscapingTest.assertNoActiveContent(renderer.renderStep(step, data, List.of(),
                    Locale.forLanguageTag("ar")).page());
        }
        RenderEscapingTest.assertNoActiveContent(renderer.renderReview(data, List.of(), Locale.GERMAN).page());
    }
}
