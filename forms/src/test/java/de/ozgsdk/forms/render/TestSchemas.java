package de.ozgsdk.forms.render;

import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementMetadata;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.MessageKind;
import de.ozgsdk.forms.Multiplicity;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.forms.SchemaElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Small schemas built in code, and the project's own fixture files. */
final class TestSchemas {

    /** The project's own fixture schemas (forms/src/test/resources). */
    static final List<String> OWN_FIXTURES = List.of("/de/ozgsdk/forms/fim/xdf2-schema.xml",
            "/de/ozgsdk/forms/fim/xdf3-schema.xml", "/de/ozgsdk/forms/fim/xdf3-group.xml",
            "/de/ozgsdk/forms/fim/xdf3-field.xml", "/de/ozgsdk/forms/validation/xdf3-rules.xml",
            "/de/ozgsdk/forms/codelist/einwilligung-field.xml");

    private TestSchemas() {
    }

    static FormSchema resource(String name) {
        try (InputStream in = TestSchemas.class.getResourceAsStream(name)) {
            return FimImporter.builder().lenient(true).build().importSchema(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ElementMetadata meta(String id, String label) {
        return ElementMetadata.builder(FimId.of(id, "1.0.0"), label).inputLabel(LocalizedText.of(label)).build();
    }

    static ElementMetadata meta(String id, String label, String help) {
        return meta(id, label).toBuilder().inputHelp(LocalizedText.of(help)).build();
    }

    static Field field(String id, String label, FieldKind kind, DataType type) {
        return Field.builder(meta(id, label), kind, type).build();
    }

    static Field input(String id, String label, DataType type) {
        return field(id, label, FieldKind.INPUT, type);
    }

    static ElementRef at(SchemaElement element, String multiplicity) {
        return new ElementRef(element, Multiplicity.parse(multiplicity));
    }

    static FieldGroup group(String id, String label, ElementRef... children) {
        return FieldGroup.builder(meta(id, label)).children(List.of(children)).build();
    }

    static FormSchema schema(String label, ElementRef... children) {
        return FormSchema.builder(meta("S99000000001", label), XdfVersion.XDF3, MessageKind.STAMMDATENSCHEMA)
                .children(List.of(children)).build();
    }

    static InlineValue value(String code, String name) {
        return new InlineValue(code, name, Optional.empty());
    }
}
