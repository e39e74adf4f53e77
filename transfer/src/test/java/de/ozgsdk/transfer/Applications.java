package de.ozgsdk.transfer;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.message.ApplicationMetadata;
import de.ozgsdk.xoev.types.Behoerde;
import java.time.Instant;
import java.util.UUID;

/** Real application messages ({@code antrag.einreichung.0001}) for the tests, written by xoev's writer. */
public final class Applications {

    static final String FACHDATEN_NS = "urn:ozgsdk:fim:S00000001:test";

    private Applications() {
    }

    /** A message of a Wohnsitzanmeldung in Köln with one Fachdaten field, under a new submission id. */
    public static ApplicationMessage wohnsitzanmeldung(String name) {
        ApplicationMetadata metadata = ApplicationMetadata.builder()
                .leikaKey(LeikaKey.parse("99123456760000"))
                .tenant(RegionalKey.parse("053150000000"))
                .service("wohnsitz-anmeldung", "2.1.0")
                .submissionId(UUID.randomUUID())
                .submittedAt(Instant.parse("2026-03-14T09:30:00Z"))
                .trustLevel(TrustLevel.SUBSTANTIAL)
                .build();
        return ApplicationMessage.builder()
                .sender(Behoerde.dvdv("ozg-portal").withName("Kommunalportal NRW"))
                .recipient(Behoerde.dvdv("05315000").withName("Stadt Köln, Bürgeramt"))
                .metadata(metadata)
                .fachdaten(out -> {
                    out.writeStartElement("f", "antrag", FACHDATEN_NS);
                    out.writeNamespace("f", FACHDATEN_NS);
                    out.writeStartElement("f", "F00000001", FACHDATEN_NS);
                    out.writeCharacters(name);
                    out.writeEndElement();
                    out.writeEndElement();
                })
                .build();
    }
}
