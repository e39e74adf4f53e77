package de.ozgsdk.xoev.message;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.xoev.types.Behoerde;
import de.ozgsdk.xoev.types.Behoerdenkennung;
import de.ozgsdk.xoev.types.Code;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Small, readable messages for the tests. */
final class MessageSamples {

    static final String FACHDATEN_NS = "urn:ozgsdk:fim:S00000001:test";
    static final Code DVDV = Behoerdenkennung.DVDV;
    static final Code BEZAHLT = Code.of("BEZAHLT", "urn:ozgsdk:codeliste:zahlungsstatus", "1.0").withName("bezahlt");
    static final UUID SUBMISSION = UUID.fromString("7c0e6d1a-3f52-4b8e-9a51-2d4c8e0f1b23");
    static final Instant SUBMITTED = Instant.parse("2025-03-14T09:30:00.123Z");

    private MessageSamples() {
    }

    static Nachrichtenkopf header() {
        return Nachrichtenkopf.builder()
                .nachrichtenUUID(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"))
                .nachrichtentyp(ApplicationMessage.NACHRICHTENTYP)
                .erstellungszeitpunkt(OffsetDateTime.of(2025, 3, 14, 10, 30, 1, 0, ZoneOffset.ofHours(1)))
                .autor(Behoerde.of(Behoerdenkennung.of(DVDV, "ozg-portal")).withName("Kommunalportal NRW"))
                .leser(Behoerde.of(Behoerdenkennung.of(DVDV, "05315000")).withName("Stadt Köln, Bürgeramt"))
                .produkt("OZG SDK")
                .build();
    }

    /** Every optional part set, except the time-stamp token. */
    static ApplicationMetadata fullMetadata() {
        return minimalMetadata().toBuilder()
                .payment(new Payment("5.0123.456789.1", BEZAHLT))
                .postboxReference("bundid-postfach:4711-abcd")
                .build();
    }

    static ApplicationMetadata minimalMetadata() {
        return ApplicationMetadata.builder()
                .leikaKey(LeikaKey.parse("99123456760000"))
                .tenant(RegionalKey.parse("053150000000"))
                .service("wohnsitz-anmeldung", "2.1.0")
                .submissionId(SUBMISSION)
                .submittedAt(SUBMITTED)
                .trustLevel(TrustLevel.SUBSTANTIAL)
                .build();
    }

    /** Fachdaten with attributes, nested groups, text that needs escaping and an umlaut. */
    static XmlFragment fachdaten() {
        return out -> {
            out.writeStartElement("f", "antrag", FACHDATEN_NS);
            out.writeNamespace("f", FACHDATEN_NS);
            out.writeAttribute("version", "1.2");
            out.writeStartElement("f", "G00000001", FACHDATEN_NS);
            field(out, "F00000001", "Müller-Lüdenscheidt");
            field(out, "F00000002", "a < b & \"c\"");
            out.writeEndElement();
            field(out, "F00000003", "2025-03-01");
            out.writeEndElement();
        };
    }

    /** Fachdaten of {@code fields} fields, like a typical form. */
    static XmlFragment fachdaten(int fields) {
        return out -> {
            out.writeStartElement("f", "antrag", FACHDATEN_NS);
            out.writeNamespace("f", FACHDATEN_NS);
            for (int i = 1; i <= fields; i++) {
                field(out, String.format("F%08d", i), "Wert " + i);
            }
            out.writeEndElement();
        };
    }

    private static void field(XMLStreamWriter out, String id, String value) throws XMLStreamException {
        out.writeStartElement("f", id, FACHDATEN_NS);
        out.writeCharacters(value);
        out.writeEndElement();
    }

    static AttachmentSource bytes(String name, String mediaType, byte[] content) {
        return AttachmentSource.of(name, mediaType, () -> new ByteArrayInputStream(content));
    }

    static ApplicationMessage.Builder message() {
        return ApplicationMessage.builder().header(header()).metadata(fullMetadata()).fachdaten(fachdaten());
    }

    static ApplicationMessage messageWithAttachments() {
        return message()
                .addAttachment(bytes("Grundriss Erdgeschoß.pdf", "application/pdf", pseudoRandom(10_000, 1)))
                .addAttachment(bytes("leer.txt", "text/plain", new byte[0]))
                .addAttachment(bytes("Übersicht äöü ß.png", "image/png", pseudoRandom(100_001, 2)))
                .build();
    }

    static byte[] pseudoRandom(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] write(ApplicationMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApplicationMessageWriter.create().write(message, out);
        return out.toByteArray();
    }

    static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
