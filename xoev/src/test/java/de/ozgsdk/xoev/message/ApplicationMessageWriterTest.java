package de.ozgsdk.xoev.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.xoev.XoevSchemaSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/** The writer refuses what would not be a valid message, and tells a failing source from a failing target. */
class ApplicationMessageWriterTest {

    private static final String FACHDATEN_XSD = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="%s"
                       elementFormDefault="qualified">
              <xs:element name="antrag">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="F00000001" type="xs:date"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """.formatted(MessageSamples.FACHDATEN_NS);

    private static InvalidInputException writeFailure(XmlFragment fachdaten) {
        return writeFailure(fachdaten, true);
    }

    private static InvalidInputException writeFailure(XmlFragment fachdaten, boolean validate) {
        ApplicationMessage message = MessageSamples.message().fachdaten(fachdaten).build();
        try {
            ApplicationMessageWriter.builder().validate(validate).build().write(message, new ByteArrayOutputStream());
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("the writer accepted the message");
    }

    @Test
    void refusesFachdatenOfTwoElementsByTheSchema() {
        InvalidInputException e = writeFailure(out -> {
            MessageSamples.fachdaten().writeTo(out);
            MessageSamples.fachdaten().writeTo(out);
        });

        assertThat(e.code()).isEqualTo(MessageError.NOT_SCHEMA_VALID);
        assertThat(e.arguments().get(3)).isEqualTo("/antrag.einreichung.0001/fachdaten/antrag");
    }

    @Test
    void refusesFachdatenOfTwoElementsAlsoWithoutValidation() {
        InvalidInputException e = writeFailure(out -> {
            MessageSamples.fachdaten().writeTo(out);
            MessageSamples.fachdaten().writeTo(out);
        }, false);

        assertThat(e.code()).isEqualTo(MessageError.FACHDATEN_MISSING);
        assertThat(e.arguments()).containsExactly(MessageSamples.SUBMISSION.toString(),
                "the fragment wrote 2 elements");
    }

    @Test
    void refusesEmptyFachdaten() {
        assertThat(writeFailure(out -> { }).code()).isEqualTo(MessageError.FACHDATEN_MISSING);
    }

    @Test
    void refusesFachdatenThatEndTheDocument() {
        assertThat(writeFailure(out -> {
            MessageSamples.fachdaten().writeTo(out);
            out.writeEndDocument();
        }).code()).isEqualTo(MessageError.FACHDATEN_MISSING);
    }

    @Test
    void refusesFachdatenThatCloseTheirParent() {
        assertThat(writeFailure(out -> {
            MessageSamples.fachdaten().writeTo(out);
            out.writeEndElement();
        }).code()).isEqualTo(MessageError.FACHDATEN_MISSING);
    }

    @Test
    void refusesFachdatenWithoutANamespaceByTheSchema() {
        InvalidInputException e = writeFailure(out -> {
            out.writeStartElement("antrag");
            out.writeEndElement();
        });

        assertThat(e.code()).isEqualTo(MessageError.NOT_SCHEMA_VALID);
        assertThat(e.arguments().get(3)).isEqualTo("/antrag.einreichung.0001/fachdaten/antrag");
    }

    @Test
    void validatesFachdatenStrictlyAgainstTheirSchema() {
        XoevSchemaSet schemas = XoevSchemaSet.builder().xsd("fachdaten.xsd", FACHDATEN_XSD).build();
        ApplicationMessageWriter writer = ApplicationMessageWriter.builder().fachdatenSchemas(schemas).build();
        XmlFragment wrongDate = out -> {
            out.writeStartElement("f", "antrag", MessageSamples.FACHDATEN_NS);
            out.writeNamespace("f", MessageSamples.FACHDATEN_NS);
            out.writeStartElement("f", "F00000001", MessageSamples.FACHDATEN_NS);
            out.writeCharacters("14.03.2025");
            out.writeEndElement();
            out.writeEndElement();
        };

        assertThatThrownBy(() -> writer.write(MessageSamples.message().fachdaten(wrongDate).build(),
                new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(MessageError.NOT_SCHEMA_VALID);
                    assertThat(e.arguments().get(3)).isEqualTo("/antrag.einreichung.0001/fachdaten/antrag/F00000001");
                    assertThat(e.arguments().get(4)).isEqualTo("cvc-datatype-valid.1.2.1");
                });
    }

    @Test
    void readerValidatesFachdatenStrictlyAgainstTheirSchema() {
        XoevSchemaSet schemas = XoevSchemaSet.builder().xsd("fachdaten.xsd", FACHDATEN_XSD).build();
        byte[] xml = MessageSamples.write(MessageSamples.message().build());
        ApplicationMessageReader reader = ApplicationMessageReader.builder().fachdatenSchemas(schemas).build();

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(xml), "f.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageError.NOT_SCHEMA_VALID));
    }

    @Test
    void reportsAFailingAttachmentSource() {
        ApplicationMessage message = MessageSamples.message().addAttachment(AttachmentSource.of("a.pdf",
                "application/pdf", () -> new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("disk gone");
                    }
                })).build();

        assertThatThrownBy(() -> MessageSamples.write(message)).isInstanceOfSatisfying(ProcessingException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(MessageError.ATTACHMENT_SOURCE_FAILED);
                    assertThat(e.arguments()).containsExactly(MessageSamples.SUBMISSION.toString(), "1",
                            "IOException");
                });
    }

    @Test
    void reportsAFailingTarget() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> ApplicationMessageWriter.create().write(MessageSamples.messageWithAttachments(),
                broken)).isInstanceOfSatisfying(ProcessingException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageError.WRITE_FAILED));
    }

    @Test
    void refusesAttachmentNamesThatCouldLeaveADirectory() {
        for (String name : new String[] {"../a.pdf", "a\\b.pdf", "", "..", "a\nb.pdf", "x".repeat(256)}) {
            assertThatThrownBy(() -> AttachmentSource.of(name, "application/pdf", InputStream::nullInputStream))
                    .as(name).isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.code()).isEqualTo(MessageError.ATTACHMENT_NAME_INVALID));
        }
    }

    @Test
    void writesAttachmentContentAsOneBase64TextWithoutLineBreaks() {
        byte[] content = MessageSamples.pseudoRandom(200_000, 5);
        byte[] xml = MessageSamples.write(MessageSamples.message()
                .addAttachment(MessageSamples.bytes("a.bin", "application/octet-stream", content)).build());

        assertThat(MessageSamples.text(xml)).contains("<inhalt>"
                + java.util.Base64.getEncoder().encodeToString(content) + "</inhalt>");
    }
}
