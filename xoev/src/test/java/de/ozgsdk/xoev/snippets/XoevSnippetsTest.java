package de.ozgsdk.xoev.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.codelist.CodeList;
import de.ozgsdk.xoev.XoevError;
import de.ozgsdk.xoev.XoevSchemaSet;
import de.ozgsdk.xoev.XoevSerializer;
import de.ozgsdk.xoev.XoevValidationException;
import de.ozgsdk.xoev.meldung.Meldung;
import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.types.Anschrift;
import de.ozgsdk.xoev.types.Behoerde;
import de.ozgsdk.xoev.types.Code;
import de.ozgsdk.xoev.types.Codeliste;
import de.ozgsdk.xoev.types.NameNatuerlichePerson;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The code samples of the xoev serialisation and building blocks (Javadoc of {@code de.ozgsdk.xoev} and
 * {@code de.ozgsdk.xoev.types}, {@code xoev/SERIALISATION.md}), run: each region is copied verbatim into the docs
 * (checked by DocSnippetsTest in the examples module), and the assertions after it prove what the sample's comments
 * claim.
 */
class XoevSnippetsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-03-14T09:30:00Z"), ZoneOffset.UTC);
    private final Page page = new Page();

    @Test
    void codeOfTheDestatisStaatListIsTheOnePublishedForGermany() {
        // @start region="code"
        Code staat = Code.of("000", "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat", "2020-05-11")
                .withName("Deutschland");
        // @end

        CodeList published = Parkausweis.registry().require(staat.listUri(), staat.listVersionId());
        assertThat(published.name(staat.code())).isEqualTo(staat.name());
    }

    @Test
    void anschriftIsAValidBasisAnschrift() {
        // @start region="anschrift"
        Anschrift anschrift = Anschrift.builder()
                .strasse("Hauptstraße").hausnummer("12a").postleitzahl("50667").ort("Köln")
                .build();
        // @end

        Meldung meldung = new Meldung("AZ-1", NameNatuerlichePerson.of("Erika", "Mustermann"), anschrift, null);
        byte[] xml = meldungen().toBytes(meldung); // validated against basis:Anschrift
        assertThat(meldungen().read(xml, "meldung.xml").anschrift).isEqualTo(anschrift);
    }

    @Test
    void nachrichtenkopfOfTheApplicationMessageIsBuiltWithCheckedCodes() {
        // @start region="nachrichtenkopf"
        Nachrichtenkopf kopf = Nachrichtenkopf.builder()
                .nachrichtenUUID(UUID.randomUUID())
                .nachrichtentyp(Codeliste.NACHRICHTENTYP.code("antrag.einreichung.0001"))
                .erstellungszeitpunkt(OffsetDateTime.now(clock))
                .autor(Behoerde.dvdv("ozg-portal"))
                .leser(Behoerde.dvdv("05315000").withName("Stadt Köln"))
                .build();
        // @end

        assertThat(kopf.nachrichtentyp()).isEqualTo(ApplicationMessage.NACHRICHTENTYP);
        assertThat(kopf.leser().name()).hasValue("Stadt Köln");
        assertThat(kopfSerializer().read(kopfSerializer().toBytes(kopf), "kopf.xml")).isEqualTo(kopf);
    }

    @Test
    void codesAreCheckedAgainstTheSdksListsOrAListDeclaredAsOwn() {
        // @start region="codeliste"
        Code typ = Codeliste.NACHRICHTENTYP.code("antrag.einreichung.0001");     // checked against the list

        Codeliste land = Codeliste.of("urn:de:example:codeliste:nachrichtentyp", "2.0", List.of("bauantrag.0001"));
        Nachrichtenkopf kopf = Nachrichtenkopf.builder()
                .codeliste(land)                                                 // your own list, declared explicitly
                .nachrichtenUUID(UUID.randomUUID())
                .nachrichtentyp(land.code("bauantrag.0001"))                     // still checked against that list
                .erstellungszeitpunkt(OffsetDateTime.now(clock))
                .autor(Behoerde.dvdv("ozg-portal"))
                .leser(Behoerde.dvdv("05315000"))
                .build();
        // @end

        assertThat(typ.listUri()).isEqualTo("urn:ozgsdk:codeliste:nachrichtentyp");
        assertThat(kopf.nachrichtentyp().listUri()).isEqualTo("urn:de:example:codeliste:nachrichtentyp");
        assertThatThrownBy(() -> Codeliste.NACHRICHTENTYP.code("bauantrag.0001"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XoevError.CODE_NOT_IN_LIST));
        assertThatThrownBy(() -> land.code("antrag.einreichung.0001")).isInstanceOf(InvalidInputException.class);
        Code undeclared = Code.of("bauantrag.0001", land.listUri(), land.listVersionId());
        assertThatThrownBy(() -> Nachrichtenkopf.builder().nachrichtenUUID(UUID.randomUUID())
                .nachrichtentyp(undeclared).erstellungszeitpunkt(OffsetDateTime.now(clock))
                .autor(Behoerde.dvdv("ozg-portal")).leser(Behoerde.dvdv("05315000")).build())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XoevError.CODE_LIST_UNKNOWN));
    }

    @Test
    void serializerWritesValidatesAndReportsViolationsWithLineAndColumn() {
        Nachrichtenkopf nachrichtenkopf = Nachrichtenkopf.builder()
                .nachrichtenUUID(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"))
                .nachrichtentyp(ApplicationMessage.NACHRICHTENTYP)
                .erstellungszeitpunkt(OffsetDateTime.now(clock))
                .autor(Behoerde.dvdv("ozg-portal"))
                .leser(Behoerde.dvdv("05315000"))
                .build();
        byte[] untrusted = """
                <basis:nachrichtenkopf xmlns:basis="urn:ozgsdk:xoev:basis:1.0">
                  <nachrichtenUUID>not-a-uuid</nachrichtenUUID>
                </basis:nachrichtenkopf>
                """.getBytes(StandardCharsets.UTF_8);

        // @start region="xoev-serializer"
        // @start region="serialisation-quick-start"
        XoevSerializer<Nachrichtenkopf> kopf = XoevSerializer.builder(Nachrichtenkopf.class)
                .schemaSet(XoevSchemaSet.basis())          // validation is on by default
                .build();                                  // once per root type; thread-safe, share it

        byte[] xml = kopf.toBytes(nachrichtenkopf);        // UTF-8, validated, <basis:nachrichtenkopf xmlns:basis=...>
        Nachrichtenkopf back = kopf.read(xml, "kopf-4711.xml");    // hardened parser, validated while reading
        kopf.withoutValidation().read(xml, "kopf-4711.xml");       // per call: validation off
        // @end
        try {
            kopf.read(untrusted, "upload-4712.xml");
        } catch (XoevValidationException e) {
            e.violations().forEach(v -> page.showError(v.line() + ":" + v.column() + " " + v.message()));
        }
        // @end

        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("<basis:nachrichtenkopf xmlns:basis=\"urn:ozgsdk:xoev:basis:1.0\"");
        assertThat(back).isEqualTo(nachrichtenkopf);
        assertThat(page.errors).isNotEmpty().allSatisfy(error -> assertThat(error).matches("\\d+:\\d+ .+"));
        assertThat(kopf.withoutValidation().validates()).isFalse();
    }

    @Test
    void schemaSetOfAnOwnXsdImportsTheBuildingBlocksFromTheSet() {
        String meldungXsd = Meldung.XSD;
        Meldung meldung = new Meldung("AZ-2024-0815", NameNatuerlichePerson.of("Erika", "Mustermann"),
                Anschrift.builder().strasse("Hauptstraße").hausnummer("1").postleitzahl("50667").ort("Köln").build(),
                null);

        // @start region="own-jaxb-types"
        // @start region="xoev-schema-set"
        XoevSchemaSet schemas = XoevSchemaSet.builder()
                .add(XoevSchemaSet.basis())                     // meldung.xsd imports urn:ozgsdk:xoev:basis:1.0
                .xsd("meldung.xsd", meldungXsd)                 // or .classpathResource("com/example/meldung.xsd")
                .build();
        // @end
        XoevSerializer<Meldung> meldungen = XoevSerializer.builder(Meldung.class)
                .schemaSet(schemas)
                .prefix(Meldung.NAMESPACE, "m")
                .build();
        // @end

        assertThat(schemas.namespaces()).contains(XoevSchemaSet.BASIS_NAMESPACE, Meldung.NAMESPACE);
        byte[] xml = meldungen.toBytes(meldung);
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<m:meldung ", "xmlns:m=\"" + Meldung.NAMESPACE);
        assertThat(meldungen.read(xml, "meldung.xml")).isEqualTo(meldung);
        assertThatThrownBy(() -> XoevSchemaSet.builder().xsd("meldung.xsd", meldungXsd).build())
                .as("without the building blocks the import cannot be resolved")
                .isInstanceOf(InvalidInputException.class);
    }

    private static XoevSerializer<Nachrichtenkopf> kopfSerializer() {
        return XoevSerializer.builder(Nachrichtenkopf.class).schemaSet(XoevSchemaSet.basis()).build();
    }

    private static XoevSerializer<Meldung> meldungen() {
        return XoevSerializer.builder(Meldung.class)
                .schemaSet(XoevSchemaSet.builder().add(XoevSchemaSet.basis()).xsd("meldung.xsd", Meldung.XSD).build())
                .build();
    }
}
