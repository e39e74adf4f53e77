package de.ozgsdk.xoev.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.CodeValues;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.http.timestamp.TimestampToken;
import de.ozgsdk.xoev.XoevSchemaSet;
import de.ozgsdk.xoev.fim.FimXsdGenerator;
import de.ozgsdk.xoev.fim.FormDataXml;
import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.message.ApplicationMessageReader;
import de.ozgsdk.xoev.message.ApplicationMessageWriter;
import de.ozgsdk.xoev.message.ApplicationMetadata;
import de.ozgsdk.xoev.message.AttachmentSource;
import de.ozgsdk.xoev.message.MessageError;
import de.ozgsdk.xoev.message.ReceivedApplication;
import de.ozgsdk.xoev.message.XmlFragment;
import de.ozgsdk.xoev.message.TestTsa;
import de.ozgsdk.xoev.types.Behoerde;
import de.ozgsdk.xoev.types.Codeliste;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The code samples of {@code de.ozgsdk.xoev.message} and {@code xoev/MESSAGE.md}, run with the real FIM schema of
 * {@link Parkausweis} as Fachdaten, real files and a time-stamp authority behind MockWebServer: each region is copied
 * verbatim into the docs (checked by DocSnippetsTest in the examples module), and the assertions after it prove what
 * the sample's comments claim.
 */
class XoevSnippetsMessageTest {

    private static final String PDF = "%PDF-1.7 Grundriss Erdgeschoss";

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-14T09:30:00Z"), ZoneOffset.UTC);
    private TestTsa tsa;
    private X509Certificate tsaCa;
    private TimestampClient timestampClient;
    private FormSchema schema;
    private FormDataXml formDataXml;
    private final FormData formData = Parkausweis.application();
    private ApplicationMetadata metadata;
    private Path upload;
    private Path inbox;

    @BeforeEach
    void startTheTsaAndReadTheFimSchema() throws Exception {
        tsa = new TestTsa("Snippet TSA");
        tsaCa = tsa.ca();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    return new MockResponse.Builder().addHeader("Content-Type", "application/timestamp-reply")
                            .body(new Buffer().write(tsa.respond(request.getBody().toByteArray()))).build();
                } catch (Exception e) {
                    return new MockResponse.Builder().code(500).build();
                }
            }
        });
        server.start();
        timestampClient = TimestampClient.builder().url(server.url("/tsa").toString())
                .trustAnchors(List.of(tsaCa)).build();
        schema = FimImporter.builder().build().importSchema(Parkausweis.fimFile());
        formDataXml = FormDataXml.builder(schema)
                .generator(FimXsdGenerator.builder().codeValues(CodeValues.of(Parkausweis.registry())).build())
                .build();
        metadata = ApplicationMetadata.builder()
                .leikaKey(LeikaKey.parse("99123456760000"))
                .tenant(RegionalKey.parse("053150000000"))
                .service("bewohnerparkausweis", "1.0.0")
                .submissionId(UUID.fromString("7c0e6d1a-3f52-4b8e-9a51-2d4c8e0f1b23"))
                .submittedAt(clock.instant())
                .trustLevel(TrustLevel.SUBSTANTIAL)
                .build();
        upload = Files.writeString(dir.resolve("Grundriss.pdf"), PDF);
        inbox = Files.createDirectory(dir.resolve("eingang"));
    }

    @AfterEach
    void stopTheTsa() {
        server.close();
    }

    @Test
    void metadataTakeTheTrustLevelOfTheLogin() {
        Login user = new Login(TrustLevel.HIGH);

        // @start region="application-metadata"
        ApplicationMetadata metadata = ApplicationMetadata.builder()
                .leikaKey(LeikaKey.parse("99123456760000"))
                .tenant(RegionalKey.parse("053150000000"))
                .service("wohnsitz-anmeldung", "2.1.0")
                .submissionId(UUID.randomUUID())
                .submittedAt(clock.instant())
                .trustLevel(user.trustLevel())
                .build();
        // @end

        assertThat(metadata.trustLevel()).isEqualTo(TrustLevel.HIGH);
        assertThat(metadata.submittedAt()).isEqualTo(clock.instant());
        assertThat(metadata.timestampToken()).isEmpty();
    }

    @Test
    void portalStampsAndWritesTheMessageAndTheFachverfahrenVerifiesIt() throws Exception {
        Path file = dir.resolve("antrag-4711.xml");

        // @start region="message-api"
        ApplicationMessageWriter writer = ApplicationMessageWriter.create();               // once, thread-safe
        // @start region="application-message"
        ApplicationMessage message = ApplicationMessage.builder()
                .sender(Behoerde.dvdv("ozg-portal").withName("Kommunalportal NRW"))
                .recipient(Behoerde.dvdv("05315000").withName("Stadt Köln, Bürgeramt"))
                .metadata(metadata)
                .fachdaten(out -> formDataXml.write(formData, out))
                .addAttachment(AttachmentSource.ofFile(upload, "application/pdf"))
                .build();
        // @end
        // @start region="timestamp"
        TimestampToken token = timestampClient.stampDigest(message.submissionDigest());   // RFC 3161, SHA-256
        ApplicationMessage stamped = message.withMetadata(
                message.metadata().toBuilder().timestampToken(token.encoded()).build());
        // @end
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.write(stamped, out);
        }

        ApplicationMessageReader reader = ApplicationMessageReader.builder().spoolDirectory(inbox).build();
        ReceivedApplication application;
        try (InputStream in = Files.newInputStream(file)) {
            application = reader.read(in, "antrag-4711.xml");
        }
        Instant received = application.verifyTimestamp(TimestampToken.verifier(List.of(tsaCa)));
        // @end

        assertThat(token.messageImprint()).isEqualTo(message.submissionDigest());
        assertThat(received).isEqualTo(token.genTime());
        assertThat(application.header().nachrichtentyp()).isEqualTo(ApplicationMessage.NACHRICHTENTYP);
        assertThat(application.header().autor().name()).hasValue("Kommunalportal NRW");
        assertThat(application.header().produkt()).hasValue(ApplicationMessage.PRODUKT);
        assertThat(formDataXml.read(application.fachdaten())).isEqualTo(formData);
        assertThat(application.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.name()).isEqualTo("Grundriss.pdf");
            assertThat(Files.readString(attachment.file().orElseThrow())).isEqualTo(PDF);
        });
        assertThatThrownBy(() -> application.verifyTimestamp(
                TimestampToken.verifier(List.of(new TestTsa("Other TSA").ca()))))
                .isInstanceOf(SecurityCheckException.class);
    }

    @Test
    void writerWithTheFachdatenSchemasAlsoValidatesTheFachdaten() throws Exception {
        ApplicationMessage message = message(out -> formDataXml.write(formData, out));
        Path target = dir.resolve("antrag-4711.xml");

        // @start region="message-writer"
        ApplicationMessageWriter writer = ApplicationMessageWriter.builder()
                .fachdatenSchemas(formDataXml.xsd().schemaSet())   // optional: also validates the Fachdaten strictly
                .build();                                          // once; thread-safe
        try (OutputStream out = Files.newOutputStream(target)) {
            writer.write(message, out);                        // InvalidInputException OZG-XMSG-101 if not valid
        }
        // @end

        try (InputStream in = Files.newInputStream(target)) {
            assertThat(formDataXml.read(ApplicationMessageReader.create().read(in, "antrag-4711.xml").fachdaten()))
                    .isEqualTo(formData);
        }
        String namespace = formDataXml.xsd().targetNamespace();
        ApplicationMessage wrongFachdaten = message(out -> {
            out.writeStartElement("", "S05000058", namespace);
            out.writeDefaultNamespace(namespace);
            out.writeEmptyElement(namespace, "G99999999");
            out.writeEndElement();
        });
        ApplicationMessageWriter.create().write(wrongFachdaten, OutputStream.nullOutputStream());
        assertThatThrownBy(() -> writer.write(wrongFachdaten, OutputStream.nullOutputStream()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageError.NOT_SCHEMA_VALID));
    }

    @Test
    void readerSpoolsCheckedAttachmentsAndRefusesAnAlteredOne() throws Exception {
        Path received = dir.resolve("antrag-4711.xml");
        Files.write(received, stampAndWrite(message(out -> formDataXml.write(formData, out))));

        // @start region="message-reader"
        ApplicationMessageReader reader = ApplicationMessageReader.builder()
                .spoolDirectory(inbox)
                .build();                                                 // once; thread-safe
        ReceivedApplication application;
        try (InputStream in = Files.newInputStream(received)) {
            application = reader.read(in, "antrag-4711.xml");  // OZG-XMSG-105 if an attachment's SHA-256 differs
        }
        Instant stamped = application.verifyTimestamp(TimestampToken.verifier(List.of(tsaCa)));   // ozg-http
        FormData formData = formDataXml.read(application.fachdaten());
        Path scan = application.attachments().get(0).file().orElseThrow();   // spooled, size and SHA-256 checked
        // @end

        assertThat(stamped).isEqualTo(Instant.parse("2025-03-14T09:30:01Z"));
        assertThat(formData).isEqualTo(this.formData);
        assertThat(scan).startsWith(inbox);
        assertThat(Files.readString(scan)).isEqualTo(PDF);
        String altered = Files.readString(received).replaceFirst("<inhalt>J", "<inhalt>K");
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(altered.getBytes(StandardCharsets.UTF_8)),
                "antrag-4711.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageError.ATTACHMENT_DIGEST_MISMATCH));
    }

    @Test
    void attachmentSinkReceivesTheCheckedContent() throws Exception {
        ApplicationMessageReader reader = ApplicationMessageReader.create();
        InputStream in = new ByteArrayInputStream(stampAndWrite(message(out -> formDataXml.write(formData, out))));
        DocumentStore documentStore = new DocumentStore();
        String caseId = "BPA-2025-0815";

        // @start region="attachment-sink"
        ReceivedApplication application = reader.read(in, "antrag-4711.xml",
                (number, name, mediaType) -> documentStore.create(caseId, number, mediaType));
        // @end

        assertThat(application.attachments()).singleElement()
                .satisfies(attachment -> assertThat(attachment.file()).isEmpty());
        assertThat(documentStore.documents).containsOnlyKeys("BPA-2025-0815/1 application/pdf");
        assertThat(documentStore.documents.get("BPA-2025-0815/1 application/pdf").toString(StandardCharsets.UTF_8))
                .isEqualTo(PDF);
    }

    @Test
    void attachmentSourcesOpenTheirContentOnlyWhenRead() throws Exception {
        Path pdf = upload;
        Path uploads = dir.resolve("uploads");
        Files.createDirectories(uploads.resolve("4711"));
        Files.writeString(uploads.resolve("4711/video.mp4"), "not really a video");

        // @start region="attachment-source"
        AttachmentSource plan = AttachmentSource.of("Grundriss.pdf", "application/pdf",
                () -> Files.newInputStream(pdf));                 // opened when the message is written
        AttachmentSource video = AttachmentSource.ofFile(uploads.resolve("4711/video.mp4"), "video/mp4");
        // @end

        assertThat(plan.name()).isEqualTo("Grundriss.pdf");
        assertThat(video.name()).isEqualTo("video.mp4");
        try (InputStream content = video.content().orElseThrow().open()) {
            assertThat(new String(content.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("not really a video");
        }
        Files.delete(pdf);
        assertThat(plan.name()).as("nothing is read before the message is written").isEqualTo("Grundriss.pdf");
        assertThatThrownBy(() -> plan.content().orElseThrow().open()).isInstanceOf(IOException.class);
    }

    @Test
    void xmlFragmentWritesOneElementInItsOwnNamespace() throws Exception {
        // @start region="xml-fragment"
        XmlFragment fachdaten = out -> {
            out.writeStartElement("f", "antrag", "urn:ozgsdk:fim:S00000001");
            out.writeNamespace("f", "urn:ozgsdk:fim:S00000001");
            out.writeStartElement("f", "F00000042", "urn:ozgsdk:fim:S00000001");
            out.writeCharacters("Musterstraße 1");
            out.writeEndElement();
            out.writeEndElement();
        };
        // @end

        Element read = ApplicationMessageReader.create()
                .read(new ByteArrayInputStream(write(message(fachdaten))), "antrag-4711.xml").fachdaten();
        assertThat(read.getNamespaceURI()).isEqualTo("urn:ozgsdk:fim:S00000001");
        assertThat(read.getLocalName()).isEqualTo("antrag");
        assertThat(read.getElementsByTagNameNS("urn:ozgsdk:fim:S00000001", "F00000042").item(0).getTextContent())
                .isEqualTo("Musterstraße 1");
    }

    @Test
    void formDataTravelInsideTheMessageAndComeBackEqual() throws IOException {
        ByteArrayOutputStream transport = new ByteArrayOutputStream();

        // @start region="fim-message-portal"
        FormDataXml xml = FormDataXml.of(schema);                       // generates the XSD of the FIM schema
        XoevSchemaSet fachdatenXsd = xml.xsd().schemaSet();

        ApplicationMessage message = ApplicationMessage.builder()
                .sender(Behoerde.dvdv("ozg-portal"))
                .recipient(Behoerde.dvdv("05315000"))
                .metadata(metadata)
                .fachdaten(out -> xml.write(formData, out))
                .addAttachment(AttachmentSource.ofFile(upload, "application/pdf"))
                .build();
        ApplicationMessageWriter.builder().fachdatenSchemas(fachdatenXsd).build().write(message, transport);
        // @end
        InputStream in = new ByteArrayInputStream(transport.toByteArray());

        // @start region="fim-message-fachverfahren"
        ReceivedApplication received = ApplicationMessageReader.builder().fachdatenSchemas(fachdatenXsd).build()
                .read(in, "antrag-4711.xml");
        FormData back = xml.read(received.fachdaten());
        // @end

        assertThat(back).isEqualTo(formData);
        Path spooled = received.attachments().get(0).file().orElseThrow();
        assertThat(Files.readString(spooled)).isEqualTo(PDF);
        Files.delete(spooled);
    }

    @Test
    void headerOfYourOwnWithACodeListDeclaredAsOwn() {
        FormDataXml xml = formDataXml;

        // @start region="own-codeliste-message"
        Codeliste land = Codeliste.of("urn:de:example:codeliste:nachrichtentyp", "2.0", List.of("bauantrag.0001"));
        Nachrichtenkopf kopf = Nachrichtenkopf.builder()
                .codeliste(land)                                   // explicit: this list is the caller's responsibility
                .nachrichtenUUID(UUID.randomUUID())
                .nachrichtentyp(land.code("bauantrag.0001"))       // still checked against the declared list
                .erstellungszeitpunkt(OffsetDateTime.now(clock))
                .autor(Behoerde.dvdv("ozg-portal"))
                .leser(Behoerde.dvdv("05315000"))
                .build();
        ApplicationMessage message = ApplicationMessage.builder().header(kopf)
                .metadata(metadata).fachdaten(out -> xml.write(formData, out)).build();
        // @end

        ReceivedApplication read = ApplicationMessageReader.create()
                .read(new ByteArrayInputStream(write(message)), "antrag-4711.xml");
        assertThat(read.header()).isEqualTo(kopf);
        assertThat(read.header().nachrichtentyp().code()).isEqualTo("bauantrag.0001");
        assertThatThrownBy(() -> ApplicationMessage.builder().header(kopf).sender(Behoerde.dvdv("ozg-portal"))
                .metadata(metadata).fachdaten(out -> xml.write(formData, out)).build())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageError.HEADER_GIVEN_TWICE));
    }

    private ApplicationMessage message(XmlFragment fachdaten) {
        return ApplicationMessage.builder().sender(Behoerde.dvdv("ozg-portal")).recipient(Behoerde.dvdv("05315000"))
                .clock(clock).metadata(metadata).fachdaten(fachdaten)
                .addAttachment(AttachmentSource.ofFile(upload, "application/pdf")).build();
    }

    private byte[] stampAndWrite(ApplicationMessage message) {
        TimestampToken token = timestampClient.stampDigest(message.submissionDigest());
        return write(message.withMetadata(message.metadata().toBuilder().timestampToken(token.encoded()).build()));
    }

    private static byte[] write(ApplicationMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApplicationMessageWriter.create().write(message, out);
        return out.toByteArray();
    }

    /** Stands for the login of the applicant (e.g. through the BundID). */
    private record Login(TrustLevel trustLevel) {
    }

    /** Stands for the document store of a Fachverfahren: keeps what it is given in memory. */
    private static final class DocumentStore {
        final Map<String, ByteArrayOutputStream> documents = new HashMap<>();

        OutputStream create(String caseId, int number, String mediaType) {
            ByteArrayOutputStream document = new ByteArrayOutputStream();
            documents.put(caseId + "/" + number + " " + mediaType, document);
            return document;
        }
    }
}
