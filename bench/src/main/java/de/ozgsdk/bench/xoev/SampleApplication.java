package de.ozgsdk.bench.xoev;

import de.ozgsdk.bench.xoev.jaxb.JaxbAntrag;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.message.ApplicationMetadata;
import de.ozgsdk.xoev.message.AttachmentSource;
import de.ozgsdk.xoev.message.Payment;
import de.ozgsdk.xoev.message.XmlFragment;
import de.ozgsdk.xoev.types.Behoerde;
import de.ozgsdk.xoev.types.Behoerdenkennung;
import de.ozgsdk.xoev.types.Code;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A typical application for the benchmarks: Nachrichtenkopf, full metadata, Fachdaten of 50 fields and two
 * attachments of 4 KB, both as an {@link ApplicationMessage} and as the equivalent {@link JaxbAntrag}.
 */
final class SampleApplication {

    static final String FACHDATEN_NS = "urn:ozgsdk:fim:S00000042:bench";
    private static final Code DVDV = Behoerdenkennung.DVDV;
    private static final Code BEZAHLT = Code.of("BEZAHLT", "urn:ozgsdk:codeliste:zahlungsstatus", "1.0");

    final Nachrichtenkopf header = Nachrichtenkopf.builder()
            .nachrichtenUUID(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"))
            .nachrichtentyp(ApplicationMessage.NACHRICHTENTYP)
            .erstellungszeitpunkt(OffsetDateTime.of(2025, 3, 14, 10, 30, 1, 0, ZoneOffset.ofHours(1)))
            .autor(Behoerde.of(Behoerdenkennung.of(DVDV, "ozg-portal")).withName("Kommunalportal NRW"))
            .leser(Behoerde.of(Behoerdenkennung.of(DVDV, "05315000")).withName("Stadt Köln, Bürgeramt"))
            .produkt("OZG SDK")
            .build();
    final ApplicationMetadata metadata = ApplicationMetadata.builder()
            .leikaKey(LeikaKey.parse("99123456760000"))
            .tenant(RegionalKey.parse("053150000000"))
            .service("wohnsitz-anmeldung", "2.1.0")
            .submissionId(UUID.fromString("7c0e6d1a-3f52-4b8e-9a51-2d4c8e0f1b23"))
            .submittedAt(Instant.parse("2025-03-14T09:30:00.123Z"))
            .payment(new Payment("5.0123.456789.1", BEZAHLT))
            .trustLevel(TrustLevel.SUBSTANTIAL)
            .postboxReference("bundid-postfach:4711-abcd")
            .build();
    final List<String> values;
    final List<byte[]> attachments;

    SampleApplication(int fields, int attachmentBytes) {
        values = IntStream.rangeClosed(1, fields)
                .mapToObj(i -> i % 5 == 0 ? "Musterstraße " + i : "Wert " + i + " äöü & <" + i + ">").toList();
        Random random = new Random(42);
        byte[] first = new byte[attachmentBytes];
        byte[] second = new byte[attachmentBytes];
        random.nextBytes(first);
        random.nextBytes(second);
        attachments = List.of(first, second);
    }

    /** Writes the Fachdaten with StAX, as FormDataXml does. */
    XmlFragment fachdaten() {
        return out -> {
            out.writeStartElement("f", "antrag", FACHDATEN_NS);
            out.writeNamespace("f", FACHDATEN_NS);
            for (int i = 0; i < values.size(); i++) {
                out.writeStartElement("f", fieldId(i), FACHDATEN_NS);
                out.writeCharacters(values.get(i));
                out.writeEndElement();
            }
            out.writeEndElement();
        };
    }

    ApplicationMessage message() {
        ApplicationMessage.Builder message = ApplicationMessage.builder().header(header).metadata(metadata)
                .fachdaten(fachdaten());
        for (int i = 0; i < attachments.size(); i++) {
            byte[] content = attachments.get(i);
            message.addAttachment(AttachmentSource.of("Anlage " + (i + 1) + ".pdf", "application/pdf",
                    () -> new ByteArrayInputStream(content)));
        }
        return message.build();
    }

    JaxbAntrag jaxb() {
        JaxbAntrag antrag = new JaxbAntrag();
        antrag.nachrichtenkopf = header;
        antrag.metadaten.leikaLeistung = metadata.leikaKey().value();
        antrag.metadaten.mandant = metadata.tenant().value();
        antrag.metadaten.dienst.kennung = metadata.serviceId();
        antrag.metadaten.dienst.version = metadata.serviceVersion();
        antrag.metadaten.einreichungsID = metadata.submissionId().toString();
        antrag.metadaten.einreichungszeitpunkt = metadata.submittedAt().toString();
        antrag.metadaten.zahlung = new JaxbAntrag.Zahlung();
        antrag.metadaten.zahlung.kassenzeichen = metadata.payment().orElseThrow().kassenzeichen();
        antrag.metadaten.zahlung.status = metadata.payment().orElseThrow().status();
        antrag.metadaten.vertrauensniveau = "substanziell";
        antrag.metadaten.postfachReferenz = metadata.postboxReference().orElseThrow();
        antrag.fachdaten.element = fachdatenElement();
        antrag.anlagen = new JaxbAntrag.Anlagen();
        for (int i = 0; i < attachments.size(); i++) {
            JaxbAntrag.Anlage anlage = new JaxbAntrag.Anlage();
            anlage.dateiname = "Anlage " + (i + 1) + ".pdf";
            anlage.medientyp = "application/pdf";
            anlage.inhalt = attachments.get(i);
            anlage.groesse = attachments.get(i).length;
            anlage.sha256 = sha256(attachments.get(i));
            antrag.anlagen.anlage.add(anlage);
        }
        return antrag;
    }

    private Element fachdatenElement() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            Element root = document.createElementNS(FACHDATEN_NS, "f:antrag");
            for (int i = 0; i < values.size(); i++) {
                Element field = document.createElementNS(FACHDATEN_NS, "f:" + fieldId(i));
                field.setTextContent(values.get(i));
                root.appendChild(field);
            }
            document.appendChild(root);
            return root;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fieldId(int index) {
        return String.format("F%08d", index + 1);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
