package de.ozgsdk.xoev;

import de.ozgsdk.xoev.types.Anschrift;
import de.ozgsdk.xoev.types.Behoerde;
import de.ozgsdk.xoev.types.Behoerdenkennung;
import de.ozgsdk.xoev.types.Code;
import de.ozgsdk.xoev.types.Codeliste;
import de.ozgsdk.xoev.meldung.Meldung;
import de.ozgsdk.xoev.types.NameNatuerlichePerson;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Small, readable building blocks for the tests. */
final class Samples {

    static final Code DVDV = Behoerdenkennung.DVDV;
    static final Code NACHRICHTENTYP = Codeliste.NACHRICHTENTYP.code("antrag.einreichung.0001").withName("Antrag");

    private Samples() {
    }

    static Nachrichtenkopf kopf() {
        return Nachrichtenkopf.builder()
                .nachrichtenUUID(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"))
                .nachrichtentyp(NACHRICHTENTYP)
                .erstellungszeitpunkt(OffsetDateTime.of(2024, 5, 17, 9, 30, 0, 0, ZoneOffset.ofHours(2)))
                .autor(Behoerde.of(Behoerdenkennung.of(DVDV, "ozg-portal")).withName("Kommunalportal NRW"))
                .leser(Behoerde.of(Behoerdenkennung.of(DVDV, "05315000")).withName("Stadt Köln, Bürgeramt"))
                .produkt("OZG SDK")
                .produktversion("0.1.0")
                .build();
    }

    static Anschrift anschrift() {
        return Anschrift.builder()
                .strasse("Hauptstraße")
                .hausnummer("12a")
                .postleitzahl("50667")
                .ort("Köln")
                .build();
    }

    static NameNatuerlichePerson person() {
        return NameNatuerlichePerson.of("Anna Maria", "Müller-Lüdenscheidt").withTitel("Dr.");
    }

    static Meldung meldung() {
        return new Meldung("AZ-2024-0815", person(), anschrift(), "Bitte Rückruf 😀");
    }

    static XoevSchemaSet meldungSchemas() {
        return XoevSchemaSet.builder().add(XoevSchemaSet.basis()).xsd("meldung.xsd", Meldung.XSD).build();
    }

    static XoevSerializer<Meldung> meldungSerializer() {
        return XoevSerializer.builder(Meldung.class)
                .schemaSet(meldungSchemas())
                .prefix(Meldung.NAMESPACE, "m")
                .build();
    }

    static XoevSerializer<Nachrichtenkopf> kopfSerializer() {
        return XoevSerializer.builder(Nachrichtenkopf.class).schemaSet(XoevSchemaSet.basis()).build();
    }
}
