package de.ozgsdk.forms.jsonschema;

import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementMetadata;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FormRule;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.MessageKind;
import de.ozgsdk.forms.Multiplicity;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.RuleType;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.forms.validation.CodeValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Small schemas built in code that together use every Datentyp, Multiplizität shape and structure. */
final class TestForms {

    static final CodeListReference STAAT = CodeListReference.of("urn:de:bund:destatis:bevoelkerungsstatistik:"
            + "schluessel:staat", "2024-02-01");
    static final CodeValues CODES = CodeValues.of(Map.of(STAAT.canonicalUri(), Set.of("000", "129", "160", "221")));

    private TestForms() {
    }

    static ElementMetadata meta(String id, String name) {
        return ElementMetadata.builder(FimId.of(id, "1.0"), name).build();
    }

    static Field field(String id, String name, DataType type, Precision precision) {
        return Field.builder(meta(id, name), FieldKind.INPUT, type).precision(precision).build();
    }

    static ElementRef at(SchemaElement element, String multiplicity) {
        return new ElementRef(element, Multiplicity.parse(multiplicity));
    }

    static FormSchema schema(String id, List<ElementRef> children) {
        return FormSchema.builder(meta(id, "Testantrag " + id), XdfVersion.XDF3, MessageKind.STAMMDATENSCHEMA)
                .children(children)
                .build();
    }

    /** A person with an address group used twice (shared), texts, a code list, a label and a rule. */
    static FormSchema person() {
        Field surname = field("F60000001", "Familienname", DataType.TEXT_LATIN,
                Precision.builder().minLength(1).maxLength(20).build());
        Field givenNames = field("F60000002", "Vornamen", DataType.TEXT_LATIN, Precision.builder().maxLength(30)
                .build());
        Field street = field("F60000003", "Straße", DataType.TEXT, Precision.builder().maxLength(25).build());
        Field postcode = field("F60000004", "Postleitzahl", DataType.TEXT,
                Precision.builder().pattern("[0-9]{5}").build());
        Field country = Field.builder(meta("F60000005", "Staat"), FieldKind.SELECT, DataType.TEXT)
                .codeList(STAAT).build();
        Field hint = Field.builder(meta("F60000006", "Hinweis"), FieldKind.LABEL, DataType.TEXT)
                .content("Bitte vollständig ausfüllen.").build();
        FieldGroup address = FieldGroup.builder(meta("G60000001", "Anschrift"))
                .children(List.of(at(street, "1:1"), at(postcode, "1:1"), at(country, "0:1")))
                .build();
        FormRule rule = new FormRule(FimId.of("R60000001", "1.0"), "Zustellanschrift", Optional.empty(),
                Optional.of("Wenn F60000002 befüllt ist, dann ist G60000001 Pflicht."), Optional.of(RuleType.VALIDATION),
                Optional.empty(), Optional.empty());
        FieldGroup delivery = FieldGroup.builder(meta("G60000002", "Zustellung"))
                .children(List.of(at(address, "0:1")))
                .rules(List.of(rule))
                .build();
        return schema("S60000001", List.of(at(hint, "0:1"), at(surname, "1:1"), at(givenNames, "0:1"),
                at(address, "1:1"), at(delivery, "0:1"), at(country, "0:1")));
    }

    /** Numbers, currency, bool, dates, times and date-times with limits, inline values, files. */
    static FormSchema typed() {
        Field count = field("F60000010", "Anzahl", DataType.NUM_INT,
                Precision.builder().minValue("1").maxValue("12").build());
        Field area = field("F60000011", "Fläche", DataType.NUM, Precision.builder().minValue("0,5").build());
        Field fee = field("F60000012", "Gebühr", DataType.NUM_CURRENCY,
                Precision.builder().minValue("0").maxValue("1000").build());
        Field consent = field("F60000013", "Einwilligung", DataType.BOOL, Precision.NONE);
        Field birth = field("F60000014", "Geburtsdatum", DataType.DATE,
                Precision.builder().minValue("1900-01-01").maxValue("2024-12-31").build());
        Field opening = field("F60000015", "Uhrzeit", DataType.TIME,
                Precision.builder().minValue("08:00").maxValue("18:30:30").build());
        Field appointment = field("F60000016", "Termin", DataType.DATETIME,
                Precision.builder().minValue("2024-01-01T08:00").maxValue("2025-06-30T12:00:30").build());
        Field kind = Field.builder(meta("F60000017", "Art"), FieldKind.SELECT, DataType.TEXT)
                .values(List.of(new InlineValue("01", "Neuantrag", Optional.empty()),
                        new InlineValue("02", "Verlängerung", Optional.empty())))
                .build();
        Field attachment = field("F60000018", "Nachweis", DataType.FILE, Precision.NONE);
        Field note = field("F60000019", "Bemerkung", DataType.TEXT, Precision.builder().minLength(3).build());
        return schema("S60000002", List.of(at(count, "1:1"), at(area, "0:1"), at(fee, "0:1"), at(consent, "1:1"),
                at(birth, "0:1"), at(opening, "0:1"), at(appointment, "0:1"), at(kind, "1:1"),
                at(attachment, "0:3"), at(note, "0:1")));
    }

    /** Repeated fields and groups, nested groups and an Auswahlgruppe. */
    static FormSchema repeated() {
        Field phone = field("F60000020", "Telefon", DataType.TEXT, Precision.builder().maxLength(15).build());
        Field name = field("F60000021", "Name", DataType.TEXT, Precision.builder().minLength(2).maxLength(10)
                .build());
        Field age = field("F60000022", "Alter", DataType.NUM_INT, Precision.builder().minValue("0").build());
        FieldGroup child = FieldGroup.builder(meta("G60000020", "Kind"))
                .children(List.of(at(name, "1:1"), at(age, "0:1"), at(phone, "0:2")))
                .build();
        Field company = field("F60000023", "Firma", DataType.TEXT, Precision.NONE);
        Field person = field("F60000024", "Person", DataType.TEXT, Precision.NONE);
        FieldGroup applicant = FieldGroup.builder(meta("G60000021", "Antragsteller"))
                .children(List.of(at(company, "1:1"), at(person, "1:1")))
                .choice(true)
                .build();
        FieldGroup household = FieldGroup.builder(meta("G60000022", "Haushalt"))
                .children(List.of(at(child, "0:*"), at(applicant, "1:1")))
                .build();
        return schema("S60000003", List.of(at(phone, "1:3"), at(child, "2:4"), at(household, "0:2")));
    }

    static List<FormSchema> all() {
        return List.of(person(), typed(), repeated());
    }
}
