package de.ozgsdk.xoev.fim;

import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.CodeListReference;
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
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.forms.validation.CodeValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Example service schemas built in code (Wohnsitzanmeldung-like, Hundesteuer-like) and the XDF example files. */
final class ExampleSchemas {

    static final String STAAT = "urn:de:example:codeliste:staat";
    static final CodeValues CODES = CodeValues.of(Map.of(STAAT, Set.of("000", "129", "168")));

    private ExampleSchemas() {
    }

    static List<FormSchema> all() {
        return List.of(wohnsitzanmeldung(), hundesteuer(), allTypes(), file("example-xdf3.xml"),
                file("example-xdf2.xml"));
    }

    /** Wohnsitzanmeldung: person, repeatable family members, address, move-in date, nationality from a list. */
    static FormSchema wohnsitzanmeldung() {
        Field surname = text("F10000000001", "Familienname", 1, 55, null);
        Field givenNames = latin("F10000000002", "Vornamen", 0, 80);
        Field birthday = field("F10000000003", "Geburtsdatum", DataType.DATE,
                Precision.builder().minValue("1900-01-01").build());
        Field nationality = Field.builder(meta("F10000000004", "Staatsangehörigkeit"), FieldKind.SELECT,
                DataType.TEXT).codeList(CodeListReference.of(STAAT, "1")).build();
        Field street = text("F10000000005", "Straße", 1, 55, null);
        Field zip = text("F10000000006", "Postleitzahl", null, null, "\\d{5}");
        Field moveIn = field("F10000000007", "Einzugsdatum", DataType.DATE, Precision.NONE);
        Field note = Field.builder(meta("F10000000008", "Hinweis"), FieldKind.LABEL, DataType.TEXT)
                .content("Bitte vollständig ausfüllen.").build();
        FieldGroup person = group("G10000000001", false, one(surname), optional(givenNames), one(birthday),
                new ElementRef(nationality, Multiplicity.parse("1:3")));
        FieldGroup address = group("G10000000002", false, one(street), one(zip));
        return schema("S10000000001", "Wohnsitzanmeldung", optional(note), one(person),
                optional(group("G10000000003", false, new ElementRef(person, Multiplicity.parse("0:*")))),
                one(address), one(moveIn));
    }

    /** Hundesteuer: owner, dogs (repeatable, with breed choice), amount, attachment, SEPA or transfer choice. */
    static FormSchema hundesteuer() {
        Field owner = text("F20000000001", "Halter", 1, 100, null);
        Field dogName = text("F20000000002", "Name des Hundes", 1, 40, null);
        Field breed = Field.builder(meta("F20000000003", "Rasse"), FieldKind.SELECT, DataType.TEXT)
                .values(List.of(new InlineValue("mischling", "Mischling", Optional.empty()),
                        new InlineValue("dackel", "Dackel", Optional.empty()),
                        new InlineValue("pudel", "Pudel", Optional.empty()))).build();
        Field dangerous = field("F20000000004", "Listenhund", DataType.BOOL, Precision.NONE);
        Field since = field("F20000000005", "Gehalten seit", DataType.DATE,
                Precision.builder().minValue("2000-01-01").maxValue("2030-12-31").build());
        Field amount = field("F20000000006", "Jahressteuer", DataType.NUM_CURRENCY,
                Precision.builder().minValue("0").maxValue("1000").build());
        Field count = field("F20000000007", "Anzahl Hunde", DataType.NUM_INT,
                Precision.builder().minValue("1").maxValue("20").build());
        Field proof = field("F20000000008", "Nachweis", DataType.FILE,
                Precision.builder().maxSize(5_000_000).mediaTypes(List.of("application/pdf")).build());
        Field iban = text("F20000000009", "IBAN", 22, 22, "DE[0-9]{20}");
        Field reference = text("F20000000010", "Verwendungszweck", 1, 140, "(?i)[a-z ]+");
        FieldGroup dog = group("G20000000001", false, one(dogName), one(breed), optional(dangerous), one(since));
        FieldGroup payment = group("G20000000002", true, optional(iban), optional(reference));
        return schema("S20000000001", "Hundesteuer", one(owner), new ElementRef(dog, Multiplicity.parse("1:*")),
                one(count), optional(amount), new ElementRef(proof, Multiplicity.parse("0:3")), one(payment));
    }

    /** Every Datentyp with limits, for the facet tests. */
    static FormSchema allTypes() {
        return schema("S30000000001", "Alle Datentypen",
                optional(text("F30000000001", "Text", 2, 10, "[A-Z][a-z]*")),
                optional(latin("F30000000002", "Latein", 0, 20)),
                optional(field("F30000000003", "Zahl", DataType.NUM,
                        Precision.builder().minValue("-1,5").maxValue("99.25").build())),
                optional(field("F30000000004", "Ganzzahl", DataType.NUM_INT,
                        Precision.builder().minValue("0.5").maxValue("10").build())),
                optional(field("F30000000005", "Betrag", DataType.NUM_CURRENCY, Precision.NONE)),
                optional(field("F30000000006", "Ja/Nein", DataType.BOOL, Precision.NONE)),
                optional(field("F30000000007", "Datum", DataType.DATE,
                        Precision.builder().minValue("01.02.2024").build())),
                optional(field("F30000000008", "Uhrzeit", DataType.TIME,
                        Precision.builder().minValue("08:00").maxValue("18:30").build())),
                optional(field("F30000000009", "Zeitpunkt", DataType.DATETIME, Precision.NONE)),
                optional(field("F30000000010", "Objekt", DataType.OBJ, Precision.NONE)),
                optional(text("F30000000011", "Wortgrenze", null, null, "\\bx")),
                new ElementRef(text("F30000000012", "Mehrere", null, 5, null), Multiplicity.parse("2:4")));
    }

    static FormSchema file(String name) {
        try (InputStream in = ExampleSchemas.class.getResourceAsStream(name)) {
            return FimImporter.builder().lenient(true).build().importSchema(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The FIM schema files of shared/fixtures/fim (xdf2 and xdf3), empty when that folder is absent. */
    static List<Path> fixtureSchemas() {
        Optional<Path> root = fixtureRoot();
        if (root.isEmpty()) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        for (String version : List.of("xdf2", "xdf3")) {
            try (Stream<Path> list = Files.list(root.get().resolve(version))) {
                list.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The shared fim folder; empty when absent locally, a failure under CI (see {@link SharedFixtures}). */
    static Optional<Path> fixtureRoot() {
        return SharedFixtures.fim();
    }

    // ---- building blocks

    static ElementMetadata meta(String id, String name) {
        return ElementMetadata.builder(FimId.of(id, "1.0.0"), name).inputLabel(LocalizedText.of(name)).build();
    }

    static Field field(String id, String name, DataType type, Precision precision) {
        return Field.builder(meta(id, name), FieldKind.INPUT, type).precision(precision).build();
    }

    static Field text(String id, String name, Integer min, Integer max, String pattern) {
        Precision.Builder p = Precision.builder();
        if (min != null) {
            p.minLength(min);
        }
        if (max != null) {
            p.maxLength(max);
        }
        if (pattern != null) {
            p.pattern(pattern);
        }
        return field(id, name, DataType.TEXT, p.build());
    }

    static Field latin(String id, String name, int min, int max) {
        return field(id, name, DataType.TEXT_LATIN, Precision.builder().minLength(min).maxLength(max).build());
    }

    static FieldGroup group(String id, boolean choice, ElementRef... children) {
        return FieldGroup.builder(meta(id, "Gruppe " + id)).choice(choice).children(List.of(children)).build();
    }

    static FormSchema schema(String id, String name, ElementRef... children) {
        List<ElementRef> list = new ArrayList<>();
        for (ElementRef child : children) {
            if (child != null) {
                list.add(child);
            }
        }
        return FormSchema.builder(ElementMetadata.builder(FimId.of(id, "1.0"), name).build(), XdfVersion.XDF3,
                MessageKind.STAMMDATENSCHEMA).children(list).build();
    }

    static ElementRef one(de.ozgsdk.forms.SchemaElement element) {
        return new ElementRef(element, Multiplicity.EXACTLY_ONE);
    }

    static ElementRef optional(de.ozgsdk.forms.SchemaElement element) {
        return new ElementRef(element, Multiplicity.OPTIONAL);
    }
}
