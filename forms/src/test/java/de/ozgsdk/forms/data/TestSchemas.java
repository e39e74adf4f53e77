package de.ozgsdk.forms.data;

import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementMetadata;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.MessageKind;
import de.ozgsdk.forms.Multiplicity;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.forms.XdfVersion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Small schemas built with the model's builders, shared by the data and validation tests. */
public final class TestSchemas {

    public static final String CODE_LIST = "urn:test:codeliste:familienstand";

    private TestSchemas() {
    }

    /**
     * A schema with one field of every Datentyp, a repeated field, a label, a required group and a repeatable group
     * with a nested repeatable group.
     */
    public static FormSchema person() {
        Field street = field("F20", "Straße", "Street", DataType.TEXT, Precision.builder().maxLength(55).build());
        Field city = field("F21", "Ort", "City", DataType.TEXT, Precision.NONE);
        FieldGroup address = group("G1", "Anschrift", ref(street, "1:1"), ref(city, "1:1"));
        Field school = field("F31", "Name der Schule", "Name of the school", DataType.TEXT, Precision.NONE);
        FieldGroup schools = group("G3", "Schule", ref(school, "1:1"));
        Field childName = field("F30", "Name des Kindes", "Name of the child", DataType.TEXT, Precision.NONE);
        Field childBirth = field("F32", "Geburtsdatum des Kindes", "Child's date of birth", DataType.DATE,
                Precision.NONE);
        FieldGroup children = group("G2", "Kind", ref(childName, "1:1"), ref(childBirth, "0:1"),
                ref(schools, "0:2"));
        return schema(
                ref(field("F1", "Familienname", "Surname", DataType.TEXT,
                        Precision.builder().minLength(2).maxLength(55).build()), "1:1"),
                ref(field("F2", "Vorname", "Given name", DataType.TEXT_LATIN, Precision.NONE), "0:1"),
                ref(field("F3", "Geburtsdatum", "Date of birth", DataType.DATE,
                        Precision.builder().minValue("1900-01-01").maxValue("2030-12-31").build()), "0:1"),
                ref(field("F4", "Anzahl der Kinder", "Number of children", DataType.NUM_INT,
                        Precision.builder().minValue("0").maxValue("20").build()), "0:1"),
                ref(field("F5", "Gebühr", "Fee", DataType.NUM_CURRENCY, Precision.NONE), "0:1"),
                ref(field("F6", "Gewicht", "Weight", DataType.NUM,
                        Precision.builder().minValue("0,5").maxValue("500").build()), "0:1"),
                ref(field("F7", "Zustimmung", "Consent", DataType.BOOL, Precision.NONE), "0:1"),
                ref(field("F8", "Uhrzeit", "Time", DataType.TIME, Precision.NONE), "0:1"),
                ref(field("F9", "Termin", "Appointment", DataType.DATETIME, Precision.NONE), "0:1"),
                ref(field("F10", "Postleitzahl", "Postcode", DataType.TEXT,
                        Precision.builder().pattern("[0-9]{5}").build()), "0:1"),
                ref(Field.builder(meta("F11", "Familienstand", "Marital status"), FieldKind.SELECT, DataType.TEXT)
                        .codeList(CodeListReference.of(CODE_LIST, "2024-01-01")).build(), "0:1"),
                ref(Field.builder(meta("F12", "Staatsangehörigkeit", "Nationality"), FieldKind.SELECT,
                        DataType.TEXT).values(List.of(new InlineValue("000", "deutsch", Optional.empty()),
                        new InlineValue("999", "andere", Optional.empty()))).build(), "0:1"),
                ref(Field.builder(meta("F13", "Hinweis", "Note"), FieldKind.LABEL, DataType.TEXT)
                        .content("Bitte vollständig ausfüllen.").build(), "0:1"),
                ref(field("F14", "Telefonnummer", "Phone number", DataType.TEXT, Precision.NONE), "0:3"),
                ref(address, "1:1"),
                ref(children, "0:*"));
    }

    public static ElementMetadata meta(String id, String german, String english) {
        return ElementMetadata.builder(FimId.of(id, "1.0.0"), german)
                .inputLabel(LocalizedText.builder(german).put(Locale.ENGLISH, english).build())
                .build();
    }

    public static Field field(String id, String german, String english, DataType type, Precision precision) {
        return Field.builder(meta(id, german, english), FieldKind.INPUT, type).precision(precision).build();
    }

    public static FieldGroup group(String id, String german, ElementRef... children) {
        return FieldGroup.builder(meta(id, german, german + " (en)")).children(List.of(children)).build();
    }

    public static ElementRef ref(SchemaElement element, String multiplicity) {
        return new ElementRef(element, Multiplicity.parse(multiplicity));
    }

    public static FormSchema schema(ElementRef... children) {
        return FormSchema.builder(meta("S1", "Testantrag", "Test application"), XdfVersion.XDF3,
                MessageKind.STAMMDATENSCHEMA).children(List.of(children)).build();
    }

    /** Valid data for {@link #person()}: a surname and an address. */
    public static FormData minimalPerson() {
        return FormData.builder()
                .value("F1", "Müller")
                .group("G1", FormData.builder().value("F20", "Hauptstraße 1").value("F21", "Köln").build())
                .build();
    }
}
