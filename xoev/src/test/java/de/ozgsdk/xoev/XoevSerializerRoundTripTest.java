package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.xoev.meldung.Meldung;
import de.ozgsdk.xoev.types.Anschrift;
import de.ozgsdk.xoev.types.Code;
import de.ozgsdk.xoev.types.Codeliste;
import de.ozgsdk.xoev.types.Kommunikation;
import de.ozgsdk.xoev.types.NameNatuerlichePerson;
import de.ozgsdk.xoev.types.NameOrganisation;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class XoevSerializerRoundTripTest {

    private final XoevSerializer<Nachrichtenkopf> serializer = Samples.kopfSerializer();

    @Test
    void readsBackTheNachrichtenkopfItWrote() {
        Nachrichtenkopf kopf = Samples.kopf();

        assertThat(serializer.read(serializer.toBytes(kopf), "kopf.xml")).isEqualTo(kopf);
    }

    @Test
    void keepsOptionalPartsFractionsOfSecondsAndUtc() {
        Nachrichtenkopf kopf = Samples.kopf().toBuilder()
                .referenzUUID(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"))
                .erstellungszeitpunkt(OffsetDateTime.of(2024, 12, 31, 23, 59, 0, 120_000_000, ZoneOffset.UTC))
                .produkthersteller("Kommunales Rechenzentrum")
                .build();

        byte[] xml = serializer.toBytes(kopf);

        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("<erstellungszeitpunkt>2024-12-31T23:59:00.12Z</erstellungszeitpunkt>");
        assertThat(serializer.read(xml, "kopf.xml")).isEqualTo(kopf);
    }

    @Test
    void readsBackAnAnschriftWithAllParts() {
        XoevSerializer<Anschrift> anschriften = XoevSerializer.builder(Anschrift.class)
                .schemaSet(XoevSchemaSet.basis()).build();
        Anschrift anschrift = Samples.anschrift().toBuilder()
                .ortsteil("Altstadt-Nord").zusatz("c/o Schmitz\nHinterhaus")
                .staat(Code.of("000", "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat", "2024-02-01")
                        .withName("Deutschland"))
                .build();

        assertThat(anschriften.read(anschriften.toBytes(anschrift), "anschrift.xml")).isEqualTo(anschrift);
    }

    @Test
    void readsBackNamesAndKommunikation() {
        XoevSerializer<NameOrganisation> organisationen = XoevSerializer.builder(NameOrganisation.class)
                .schemaSet(XoevSchemaSet.basis()).build();
        XoevSerializer<Kommunikation> kommunikation = XoevSerializer.builder(Kommunikation.class)
                .schemaSet(XoevSchemaSet.basis()).build();
        XoevSerializer<NameNatuerlichePerson> personen = XoevSerializer.builder(NameNatuerlichePerson.class)
                .schemaSet(XoevSchemaSet.basis()).build();
        NameOrganisation organisation = NameOrganisation.of("Müller & Söhne <GmbH>").withKurzbezeichnung("MSG");
        Kommunikation mail = Kommunikation.of(Code.of("email", "urn:ozgsdk:codeliste:kanal", "1.0"),
                "anna@example.org");
        NameNatuerlichePerson person = Samples.person().withGeburtsname("Schmitz");

        assertThat(organisationen.read(organisationen.toBytes(organisation), "o.xml")).isEqualTo(organisation);
        assertThat(kommunikation.read(kommunikation.toBytes(mail), "k.xml")).isEqualTo(mail);
        assertThat(personen.read(personen.toBytes(person), "p.xml")).isEqualTo(person);
    }

    @Test
    void writesUtf8AndKeepsUmlautsAndCharactersOutsideTheBmp() {
        NameNatuerlichePerson person = NameNatuerlichePerson.of("Zoë 𠜎", "Ğüçlü-Straße 😀");
        XoevSerializer<NameNatuerlichePerson> personen = XoevSerializer.builder(NameNatuerlichePerson.class)
                .schemaSet(XoevSchemaSet.basis()).build();

        byte[] xml = personen.toBytes(person);

        assertThat(new String(xml, StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"")
                .contains("<vorname>Zoë 𠜎</vorname>", "<familienname>Ğüçlü-Straße 😀</familienname>");
        assertThat(personen.read(xml, "p.xml")).isEqualTo(person);
    }

    @Test
    void keepsCarriageReturnsTabsAndMarkupCharactersInTextAndAttributes() {
        Code code = Code.of("a&b", "urn:ozgsdk:codeliste:test?x=1&y=2", "1.0 \"<beta>\"")
                .withName("Zeile 1\r\nZeile\t2");
        XoevSerializer<Meldung> meldungen = Samples.meldungSerializer();
        Meldung meldung = Samples.meldung();
        meldung.bemerkung = "a\r\nb\rc\td ]]> e";
        meldung.aktenzeichen = "AZ\t1\n2\r3 \"4\" <5>";

        assertThat(meldungen.read(meldungen.toBytes(meldung), "m.xml")).isEqualTo(meldung);
        Nachrichtenkopf withCode = Samples.kopf().toBuilder()
                .codeliste(Codeliste.of(code.listUri(), code.listVersionId(), List.of(code.code())))
                .nachrichtentyp(code).build();
        assertThat(serializer.read(serializer.toBytes(withCode), "k.xml")).isEqualTo(withCode);
    }

    @Test
    void readsBackAnApplicationTypeThatImportsTheBuildingBlocks() {
        XoevSerializer<Meldung> meldungen = Samples.meldungSerializer();
        Meldung meldung = Samples.meldung();

        assertThat(meldungen.read(meldungen.toBytes(meldung), "meldung.xml")).isEqualTo(meldung);
    }
}
