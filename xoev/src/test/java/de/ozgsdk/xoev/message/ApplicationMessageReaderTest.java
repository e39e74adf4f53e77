package de.ozgsdk.xoev.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.xml.XmlError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad messages fail with a code that says what and where, and leave no unverified attachment behind. */
class ApplicationMessageReaderTest {

    @TempDir
    Path spool;

    static String fixture() throws IOException {
        try (InputStream in = ApplicationMessageReaderTest.class.getResourceAsStream("message.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ReceivedApplication read(String xml) {
        return ApplicationMessageReader.builder().spoolDirectory(spool).build().read(MessageSamples.stream(xml),
                "test.xml");
    }

    private ReceivedApplication readUnvalidated(String xml) {
        return ApplicationMessageReader.builder().validate(false).spoolDirectory(spool).build()
                .read(MessageSamples.stream(xml), "test.xml");
    }

    @Test
    void refusesAFachdatenNameTheNamespaceRulesForbidWithTheStructureCode() {
        String xml = MessageSamples.text(MessageSamples.write(MessageSamples.message().build()));
        String broken = xml.replace("<f:F00000002>", "<:0F00000002>").replace("</f:F00000002>", "</:0F00000002>");

        assertThat(broken).isNotEqualTo(xml);
        assertThatThrownBy(() -> ApplicationMessageReader.create().read(MessageSamples.stream(broken), "s.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageError.UNEXPECTED_ELEMENT));
    }

    @Test
    void readsTheFixture() throws IOException {
        ReceivedApplication application = read(fixture());

        assertThat(application.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Hallo Welt.txt");
            assertThat(Files.readString(a.file().orElseThrow())).isEqualTo("Hallo Welt");
        });
    }

    @Test
    void reportsASchemaViolationWithLineColumnElementAndRule() throws IOException {
        String xml = fixture().replace("<leikaLeistung>99123456760000<", "<leikaLeistung>9912345676000X<");

        assertThatThrownBy(() -> read(xml))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(MessageError.NOT_SCHEMA_VALID);
                    assertThat(e.arguments()).containsExactly("test.xml", "30", "50",
                            "/antrag.einreichung.0001/metadaten/leikaLeistung", "cvc-pattern-valid");
                    assertThat(e.userMessage(Locale.ENGLISH)).contains("line 30, column 50")
                            .doesNotContain("9912345676000X");
                });
    }

    @Test
    void reportsAnElementOutOfOrder() throws IOException {
        String xml = fixture().replace("<mandant>053150000000</mandant>", "")
                .replace("<leikaLeistung>99123456760000</leikaLeistung>",
                        "<mandant>053150000000</mandant><leikaLeistung>99123456760000</leikaLeistung>");

        assertThatThrownBy(() -> read(xml)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo(MessageError.NOT_SCHEMA_VALID);
            assertThat(e.arguments().get(3)).isEqualTo("/antrag.einreichung.0001/metadaten/mandant");
        });
    }

    @Test
    void reportsAnInvalidValueAlsoWithoutValidation() throws IOException {
        String xml = fixture().replace("<leikaLeistung>99123456760000<", "<leikaLeistung>9912345676000X<");

        assertThatThrownBy(() -> readUnvalidated(xml)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo(MessageError.VALUE_INVALID);
            assertThat(e.arguments()).containsExactly("test.xml", "30", "20",
                    "/antrag.einreichung.0001/metadaten/leikaLeistung", "OZG-CORE-101");
        });
    }

    @Test
    void rejectsAChangedByteOfAnAttachment() throws IOException {
        String xml = fixture().replace("<inhalt>SGFsbG8gV2VsdA==</inhalt>", "<inhalt>SGFsbG8gW2VsdA==</inhalt>");

        assertThatThrownBy(() -> read(xml)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo(MessageError.ATTACHMENT_DIGEST_MISMATCH);
            assertThat(e.arguments().get(1)).isEqualTo("1");
        });
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void rejectsAWrongSize() throws IOException {
        String xml = fixture().replace("<groesse>10</groesse>", "<groesse>11</groesse>");

        assertThatThrownBy(() -> read(xml)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo(MessageError.ATTACHMENT_SIZE_MISMATCH);
            assertThat(e.arguments()).containsExactly("test.xml", "1", "11", "10");
        });
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void checksAttachmentsAlsoWithoutValidation() throws IOException {
        String xml = fixture().replace("<inhalt>SGFsbG8gV2VsdA==</inhalt>", "<inhalt>SGFsbG8gW2VsdA==</inhalt>");

        assertThatThrownBy(() -> readUnvalidated(xml)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(MessageError.ATTACHMENT_DIGEST_MISMATCH));
    }

    @Test
    void rejectsContentThatIsNotBase64() throws IOException {
        for (String content : List.of("SGFsbG8*V2VsdA==", "SGFsbG8gV2VsdA=", "SGFsbG8gV2VsdA==QQ==", "SGFsbG8gV2VsdR==",
                "SGFsbG8gV2Vsd===", "=GFsbG8gV2VsdA==", "SGFsbG8gV2VsdA")) {
            String xml = fixture().replace("<inhalt>SGFsbG8gV2VsdA==</inhalt>", "<inhalt>" + content + "</inhalt>");

            assertThatThrownBy(() -> read(xml)).as(content).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.code()).isEqualTo(MessageError.BASE64_INVALID));
        }
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void acceptsBase64WithLineBreaksAndSpaces() throws IOException {
        String xml = fixture().replace("<inhalt>SGFsbG8gV2VsdA==</inhalt>",
                "<inhalt>\n  SGFs\r\n  bG8g\tV2Vs dA==\n</inhalt>");

        assertThat(read(xml).attachments().get(0).size()).isEqualTo(10);
    }

    @Test
    void rejectsAMessageWithoutFachdaten() throws IOException {
        String fachdaten = fixture().substring(fixture().indexOf("<fachdaten>"),
                fixture().indexOf("</fachdaten>") + "</fachdaten>".length());
        String xml = fixture().replace(fachdaten, "<fachdaten/>");

        assertThatThrownBy(() -> read(xml)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo(MessageError.NOT_SCHEMA_VALID);
            assertThat(e.arguments().get(3)).isEqualTo("/antrag.einreichung.0001/fachdaten");
        });
        assertThatThrownBy(() -> readUnvalidated(xml)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(MessageError.FACHDATEN_MISSING));
    }

    @Test
    void rejectsFachdatenInTheMessageNamespace() throws IOException {
        String xml = fixture().replace("<f:antrag xmlns:f=\"urn:ozgsdk:fim:S00000001:test\"",
                "<f:antrag xmlns:f=\"urn:ozgsdk:xoev:antrag:1.0\"");

        assertThatThrownBy(() -> read(xml)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(MessageError.NOT_SCHEMA_VALID));
    }

    @Test
    void refusesADtdAndLoadsNoExternalEntity() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            String xml = fixture().replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \""
                            + server.url("/xxe") + "\">]>")
                    .replace("<produkt>OZG SDK</produkt>", "<produkt>&e;</produkt>");

            assertThatThrownBy(() -> read(xml)).isInstanceOfSatisfying(OzgException.class,
                    e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void followsNoSchemaLocationHint() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            String xml = fixture().replace("xmlns:antrag=\"urn:ozgsdk:xoev:antrag:1.0\"",
                    "xmlns:antrag=\"urn:ozgsdk:xoev:antrag:1.0\" "
                            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation="
                            + "\"urn:ozgsdk:xoev:antrag:1.0 " + server.url("/antrag.xsd") + "\"");

            assertThat(read(xml).attachments()).hasSize(1);
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void limitsTheNumberOfAttachments() throws IOException {
        String anlage = fixture().substring(fixture().indexOf("<anlage>"),
                fixture().indexOf("</anlage>") + "</anlage>".length());
        String xml = fixture().replace(anlage, anlage + anlage);
        ApplicationMessageReader reader = ApplicationMessageReader.builder().maxAttachments(1).spoolDirectory(spool)
                .build();

        assertThatThrownBy(() -> reader.read(MessageSamples.stream(xml), "test.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(MessageError.LIMIT_EXCEEDED);
                    assertThat(e.arguments()).containsExactly("test.xml", "attachments", "1");
                });
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void limitsTheSizeOfTheMessage() throws IOException {
        ApplicationMessageReader reader = ApplicationMessageReader.builder().maxMessageBytes(1000).build();

        assertThatThrownBy(() -> reader.read(MessageSamples.stream(fixture()), "test.xml"))
                .isInstanceOfSatisfying(OzgException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DOCUMENT_TOO_LARGE));
    }

    @Test
    void tellsTheSinkToDiscardEveryAttachmentWhenALaterOneFails() throws IOException {
        String anlage = fixture().substring(fixture().indexOf("<anlage>"),
                fixture().indexOf("</anlage>") + "</anlage>".length());
        String xml = fixture().replace(anlage, anlage + anlage.replace("<groesse>10<", "<groesse>9<"));
        List<String> calls = new ArrayList<>();
        AttachmentSink sink = new AttachmentSink() {
            @Override
            public OutputStream open(int number, String name, String mediaType) {
                calls.add("open " + number);
                return OutputStream.nullOutputStream();
            }

            @Override
            public void discard(int number) {
                calls.add("discard " + number);
            }
        };

        assertThatThrownBy(() -> ApplicationMessageReader.create().read(MessageSamples.stream(xml), "t.xml", sink))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageError.ATTACHMENT_SIZE_MISMATCH));
        assertThat(calls).containsExactly("open 1", "open 2", "discard 1", "discard 2");
    }

    @Test
    void refusesAnAttachmentNameWithAPathSeparatorAlsoWithoutValidation() throws IOException {
        String xml = fixture().replace("<dateiname>Hallo Welt.txt<", "<dateiname>../../etc/passwd<");

        assertThatThrownBy(() -> readUnvalidated(xml)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(MessageError.VALUE_INVALID));
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void readsFromAnyInputStreamWithoutClosingIt() throws IOException {
        boolean[] closed = new boolean[1];
        InputStream in = new ByteArrayInputStream(fixture().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        ApplicationMessageReader.builder().spoolDirectory(spool).build().read(in, "t.xml");

        assertThat(closed[0]).isFalse();
    }
}
