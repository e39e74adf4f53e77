package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;

/** Fragments inside a StAX document the caller writes and reads itself, as the application message does. */
class XoevSerializerFragmentTest {

    private static final String ANTRAG = "urn:ozgsdk:test:antrag";

    private final XoevSerializer<Nachrichtenkopf> serializer = Samples.kopfSerializer();

    @Test
    void writesAFragmentWithTheCallersPrefixAndWithoutDeclaration() throws Exception {
        StringWriter text = new StringWriter();
        XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
        writer.writeStartDocument("UTF-8", "1.0");
        writer.writeStartElement("a", "antrag", ANTRAG);
        writer.writeNamespace("a", ANTRAG);
        writer.writeNamespace("b", XoevSchemaSet.BASIS_NAMESPACE);
        writer.setPrefix("b", XoevSchemaSet.BASIS_NAMESPACE);

        serializer.writeFragment(Samples.kopf(), writer);
        writer.writeStartElement("a", "daten", ANTRAG);
        writer.writeEndElement();
        writer.writeEndElement();
        writer.writeEndDocument();
        writer.close();

        String xml = text.toString();
        assertThat(xml).contains("<b:nachrichtenkopf><nachrichtenUUID>")
                .containsOnlyOnce("<?xml")
                .containsOnlyOnce("xmlns:b=")
                .contains("</b:nachrichtenkopf><a:daten></a:daten></a:antrag>");
    }

    @Test
    void writesAFragmentWithItsOwnPrefixWhereTheCallerHasNone() throws Exception {
        StringWriter text = new StringWriter();
        XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
        writer.writeStartElement("a", "antrag", ANTRAG);
        writer.writeNamespace("a", ANTRAG);

        serializer.writeFragment(Samples.kopf(), writer);
        writer.writeEndElement();
        writer.close();

        assertThat(text.toString())
                .contains("<a:antrag xmlns:a=\"urn:ozgsdk:test:antrag\">"
                        + "<basis:nachrichtenkopf xmlns:basis=\"urn:ozgsdk:xoev:basis:1.0\">")
                .doesNotContain("<?xml");
    }

    @Test
    void invalidFragmentWritesNothing() throws Exception {
        Nachrichtenkopf withoutLeser = serializer.withoutValidation().read(withoutLeser(), "k.xml");
        StringWriter text = new StringWriter();
        XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
        writer.writeStartElement("antrag");
        writer.writeCharacters("");
        writer.flush();
        String before = text.toString();

        assertThatThrownBy(() -> serializer.writeFragment(withoutLeser, writer))
                .isInstanceOf(XoevValidationException.class);
        writer.flush();
        assertThat(text.toString()).isEqualTo(before);
    }

    @Test
    void readsAFragmentAndLeavesTheReaderBehindIt() throws Exception {
        String document = "<a:antrag xmlns:a=\"" + ANTRAG + "\" xmlns:b=\"" + XoevSchemaSet.BASIS_NAMESPACE + "\">\n"
                + new String(serializer.toBytes(Samples.kopf()), StandardCharsets.UTF_8)
                        .replaceFirst("<\\?xml[^>]*>", "")
                        .replace(" xmlns:basis=\"urn:ozgsdk:xoev:basis:1.0\"", "")
                        .replace("basis:", "b:")
                + "<a:daten>42</a:daten></a:antrag>";
        XMLStreamReader reader = SecureXml.defaults().newXmlStreamReader(
                new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "antrag.xml");
        reader.nextTag();
        reader.nextTag();

        Nachrichtenkopf kopf = serializer.readFragment(reader);

        assertThat(kopf).isEqualTo(Samples.kopf());
        if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
            reader.nextTag();
        }
        assertThat(reader.getLocalName()).isEqualTo("daten");
        assertThat(reader.getElementText()).isEqualTo("42");
    }

    @Test
    void fragmentViolationsCarryTheLineOfTheCallersDocument() throws Exception {
        String document = "<a:antrag xmlns:a=\"" + ANTRAG + "\">\n\n"
                + new String(withoutLeser(), StandardCharsets.UTF_8).replaceFirst("<\\?xml[^>]*>", "")
                + "</a:antrag>";
        XMLStreamReader reader = SecureXml.defaults().newXmlStreamReader(
                new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "antrag.xml");
        reader.nextTag();
        reader.nextTag();

        assertThatThrownBy(() -> serializer.readFragment(reader, "antrag.xml"))
                .isInstanceOfSatisfying(XoevValidationException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.line()).isEqualTo(3));
                    assertThat(e.getMessage()).contains("antrag.xml");
                });
    }

    @Test
    void readFragmentNeedsAReaderAtAStartElement() {
        XMLStreamReader reader = SecureXml.defaults().newXmlStreamReader(
                new ByteArrayInputStream("<x/>".getBytes(StandardCharsets.UTF_8)), "x.xml");

        assertThatThrownBy(() -> serializer.readFragment(reader)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(XoevError.VALUE_MALFORMED));
    }

    private byte[] withoutLeser() {
        String full = new String(serializer.toBytes(Samples.kopf()), StandardCharsets.UTF_8);
        return full.replaceFirst("<leser>.*</leser>", "").getBytes(StandardCharsets.UTF_8);
    }
}
