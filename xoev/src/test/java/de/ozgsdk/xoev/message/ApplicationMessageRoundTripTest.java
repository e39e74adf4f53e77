package de.ozgsdk.xoev.message;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.xoev.internal.message.CanonicalFachdaten;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class ApplicationMessageRoundTripTest {

    @TempDir
    Path spool;

    @Test
    void readsBackEveryPartOfAFullMessage() throws Exception {
        ApplicationMessage message = MessageSamples.messageWithAttachments();
        byte[] xml = MessageSamples.write(message);

        ReceivedApplication read = reader().read(new ByteArrayInputStream(xml), "full.xml");

        assertThat(read.header()).isEqualTo(message.header());
        assertThat(read.metadata()).isEqualTo(message.metadata());
        assertThat(read.metadata().payment()).contains(new Payment("5.0123.456789.1", MessageSamples.BEZAHLT));
        assertThat(read.metadata().postboxReference()).contains("bundid-postfach:4711-abcd");
        assertThat(CanonicalFachdaten.canonicalText(read.fachdaten())).isEqualTo(
                "<{" + MessageSamples.FACHDATEN_NS + "}antrag {}version=\"1.2\">"
                        + "<{" + MessageSamples.FACHDATEN_NS + "}G00000001>"
                        + "<{" + MessageSamples.FACHDATEN_NS + "}F00000001>Müller-Lüdenscheidt</>"
                        + "<{" + MessageSamples.FACHDATEN_NS + "}F00000002>a &lt; b &amp; &quot;c&quot;</></>"
                        + "<{" + MessageSamples.FACHDATEN_NS + "}F00000003>2025-03-01</></>");
    }

    @Test
    void spoolsEachAttachmentWithItsNameSizeAndDigest() throws Exception {
        byte[] xml = MessageSamples.write(MessageSamples.messageWithAttachments());

        List<ReceivedAttachment> attachments = reader().read(new ByteArrayInputStream(xml), "a.xml").attachments();

        assertThat(attachments).extracting(ReceivedAttachment::name)
                .containsExactly("Grundriss Erdgeschoß.pdf", "leer.txt", "Übersicht äöü ß.png");
        assertThat(attachments).extracting(ReceivedAttachment::size).containsExactly(10_000L, 0L, 100_001L);
        assertThat(Files.readAllBytes(attachments.get(0).file().orElseThrow()))
                .isEqualTo(MessageSamples.pseudoRandom(10_000, 1));
        assertThat(Files.readAllBytes(attachments.get(1).file().orElseThrow())).isEmpty();
        assertThat(Files.readAllBytes(attachments.get(2).file().orElseThrow()))
                .isEqualTo(MessageSamples.pseudoRandom(100_001, 2));
        assertThat(attachments.get(2).sha256()).isEqualTo(sha256Hex(MessageSamples.pseudoRandom(100_001, 2)));
        assertThat(attachments.get(0).file().orElseThrow().getParent()).isEqualTo(spool);
    }

    @Test
    void handsAttachmentContentToTheCallersSink() {
        byte[] xml = MessageSamples.write(MessageSamples.messageWithAttachments());
        Map<Integer, ByteArrayOutputStream> received = new TreeMap<>();

        ReceivedApplication read = reader().read(new ByteArrayInputStream(xml), "a.xml",
                (number, name, mediaType) -> received.computeIfAbsent(number, n -> new ByteArrayOutputStream()));

        assertThat(received.get(3).toByteArray()).isEqualTo(MessageSamples.pseudoRandom(100_001, 2));
        assertThat(read.attachments()).allSatisfy(a -> assertThat(a.file()).isEmpty());
    }

    @Test
    void readsAMinimalMessageWithoutOptionalParts() {
        ApplicationMessage message = ApplicationMessage.builder().header(MessageSamples.header())
                .metadata(MessageSamples.minimalMetadata()).fachdaten(MessageSamples.fachdaten()).build();

        ReceivedApplication read = reader().read(new ByteArrayInputStream(MessageSamples.write(message)), "m.xml");

        assertThat(read.metadata()).isEqualTo(message.metadata());
        assertThat(read.metadata().payment()).isEmpty();
        assertThat(read.metadata().timestampToken()).isEmpty();
        assertThat(read.attachments()).isEmpty();
    }

    @Test
    void carriesAReferencedAttachmentWithoutContent() {
        String sha = "ab".repeat(32);
        ApplicationMessage message = MessageSamples.message().addAttachment(AttachmentSource.referenced(
                "Video.mp4", "video/mp4", URI.create("cid:anlage-1@portal.example"), 123_456_789L, sha)).build();
        byte[] xml = MessageSamples.write(message);

        ReceivedAttachment attachment = reader().read(new ByteArrayInputStream(xml), "r.xml").attachments().get(0);

        assertThat(MessageSamples.text(xml)).contains("<referenz>cid:anlage-1@portal.example</referenz>")
                .doesNotContain("<inhalt>");
        assertThat(attachment.reference()).contains(URI.create("cid:anlage-1@portal.example"));
        assertThat(attachment.size()).isEqualTo(123_456_789L);
        assertThat(attachment.sha256()).isEqualTo(sha);
        assertThat(attachment.file()).isEmpty();
    }

    @Test
    void writesTheSameBytesWithAndWithoutValidation() {
        ApplicationMessage message = MessageSamples.messageWithAttachments();
        ByteArrayOutputStream unvalidated = new ByteArrayOutputStream();

        ApplicationMessageWriter.builder().validate(false).build().write(message, unvalidated);

        assertThat(unvalidated.toByteArray()).isEqualTo(MessageSamples.write(message));
    }

    @Test
    void fachdatenOfADomElementRoundTrip() {
        Element original = reader().read(new ByteArrayInputStream(MessageSamples.write(
                MessageSamples.message().build())), "a.xml").fachdaten();
        ApplicationMessage again = MessageSamples.message().fachdaten(XmlFragment.of(original)).build();

        Element read = reader().read(new ByteArrayInputStream(MessageSamples.write(again)), "b.xml").fachdaten();

        assertThat(CanonicalFachdaten.canonicalText(read)).isEqualTo(CanonicalFachdaten.canonicalText(original));
    }

    @Test
    void senderAndReceiverComputeTheSameSubmissionDigest() {
        ApplicationMessage message = MessageSamples.messageWithAttachments();

        ReceivedApplication read = reader().read(new ByteArrayInputStream(MessageSamples.write(message)), "d.xml");

        assertThat(read.submissionDigest()).isEqualTo(message.submissionDigest()).hasSize(32);
    }

    @Test
    void doesNotCloseTheCallersStreams() throws IOException {
        boolean[] closed = new boolean[1];
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        ApplicationMessageWriter.create().write(MessageSamples.message().build(), out);

        assertThat(closed[0]).isFalse();
    }

    private ApplicationMessageReader reader() {
        return ApplicationMessageReader.builder().spoolDirectory(spool).build();
    }

    static String sha256Hex(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
