package de.ozgsdk.xoev.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.http.timestamp.TimestampError;
import de.ozgsdk.http.timestamp.TimestampToken;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token in the message covers the submission digest, which the receiver recomputes from what it read. */
class SubmissionTimestampTest {

    private static TestTsa tsa;
    private static TestTsa otherTsa;

    @BeforeAll
    static void startTsas() throws Exception {
        tsa = new TestTsa("Test TSA");
        otherTsa = new TestTsa("Other TSA");
    }

    private static ReceivedApplication stampWriteAndRead(ApplicationMessage message) throws Exception {
        byte[] token = tsa.stamp(message.submissionDigest());
        ApplicationMessage stamped = message.withMetadata(message.metadata().toBuilder().timestampToken(token).build());
        return ApplicationMessageReader.create().read(new ByteArrayInputStream(MessageSamples.write(stamped)), "s.xml",
                (number, name, type) -> OutputStream.nullOutputStream());
    }

    @Test
    void verifiesTheTokenOfAnUnchangedSubmission() throws Exception {
        ReceivedApplication read = stampWriteAndRead(MessageSamples.messageWithAttachments());

        Instant stamped = read.verifyTimestamp(TimestampToken.verifier(List.of(tsa.ca())));

        assertThat(stamped).isEqualTo(Instant.parse("2025-03-14T09:30:01Z"));
        assertThat(TimestampToken.parse(read.metadata().timestampToken().orElseThrow(), List.of(tsa.ca()))
                .messageImprint()).isEqualTo(read.submissionDigest());
    }

    @Test
    void rejectsATokenOverOtherFachdaten() throws Exception {
        ApplicationMessage original = MessageSamples.messageWithAttachments();
        byte[] token = tsa.stamp(original.submissionDigest());
        ApplicationMessage changed = MessageSamples.message().fachdaten(MessageSamples.fachdaten(3))
                .metadata(original.metadata().toBuilder().timestampToken(token).build()).build();
        ReceivedApplication read = ApplicationMessageReader.create().read(
                new ByteArrayInputStream(MessageSamples.write(changed)), "s.xml");

        assertThatThrownBy(() -> read.verifyTimestamp(TimestampToken.verifier(List.of(tsa.ca()))))
                .isInstanceOfSatisfying(SecurityCheckException.class,
                        e -> assertThat(e.code()).isEqualTo(TimestampError.TOKEN_DOES_NOT_MATCH_DATA));
    }

    @Test
    void rejectsATokenOverAnotherAttachment() throws Exception {
        ApplicationMessage original = MessageSamples.messageWithAttachments();
        byte[] token = tsa.stamp(original.submissionDigest());
        ApplicationMessage changed = MessageSamples.message()
                .metadata(original.metadata().toBuilder().timestampToken(token).build())
                .addAttachment(MessageSamples.bytes("Grundriss Erdgeschoß.pdf", "application/pdf",
                        MessageSamples.pseudoRandom(10_000, 99)))
                .build();
        ReceivedApplication read = ApplicationMessageReader.create().read(
                new ByteArrayInputStream(MessageSamples.write(changed)), "s.xml");

        assertThatThrownBy(() -> read.verifyTimestamp(TimestampToken.verifier(List.of(tsa.ca()))))
                .isInstanceOfSatisfying(SecurityCheckException.class,
                        e -> assertThat(e.code()).isEqualTo(TimestampError.TOKEN_DOES_NOT_MATCH_DATA));
    }

    @Test
    void rejectsATokenOfAnUntrustedTsa() throws Exception {
        ReceivedApplication read = stampWriteAndRead(MessageSamples.messageWithAttachments());

        assertThatThrownBy(() -> read.verifyTimestamp(TimestampToken.verifier(List.of(otherTsa.ca()))))
                .isInstanceOfSatisfying(SecurityCheckException.class,
                        e -> assertThat(e.code()).isNotEqualTo(TimestampError.TOKEN_DOES_NOT_MATCH_DATA));
    }

    @Test
    void saysWhenThereIsNoToken() {
        ReceivedApplication read = ApplicationMessageReader.create().read(
                new ByteArrayInputStream(MessageSamples.write(MessageSamples.message().build())), "s.xml");

        assertThatThrownBy(() -> read.verifyTimestamp(TimestampToken.verifier(List.of(tsa.ca()))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageError.TIMESTAMP_MISSING));
    }

    @Test
    void digestDoesNotDependOnHowTheFachdatenAreSerialised() throws Exception {
        XmlFragment otherPrefixesAndOrder = out -> {
            String ns = MessageSamples.FACHDATEN_NS;
            out.writeStartElement("", "antrag", ns);
            out.writeDefaultNamespace(ns);
            out.writeNamespace("unused", "urn:unused");
            out.writeAttribute("version", "1.2");
            out.writeStartElement("", "G00000001", ns);
            out.writeStartElement("", "F00000001", ns);
            out.writeCharacters("Müller-");
            out.writeCData("Lüdenscheidt");
            out.writeEndElement();
            out.writeStartElement("", "F00000002", ns);
            out.writeCharacters("a < b & \"c\"");
            out.writeEndElement();
            out.writeEndElement();
            out.writeStartElement("", "F00000003", ns);
            out.writeCharacters("2025-03-01");
            out.writeEndElement();
            out.writeEndElement();
        };

        assertThat(MessageSamples.message().fachdaten(otherPrefixesAndOrder).build().submissionDigest())
                .isEqualTo(MessageSamples.message().build().submissionDigest());
    }
}
